"""Who states a sentence: speaker and source detection shared by figures and quotes.

Arabic news attributes with a speech verb before its speaker (وقال الرئيس …، أكدت وزارة …),
a source phrase (وفق كييف، بحسب …، حسبما قالت …), a relay (نقلت وكالة رويترز عن مسؤول
أميركي قوله …), a participle pointing back to the clause subject (قائلًا إن …) or a bare
continuation verb whose speaker is the previous one (وأضاف: …، وقالت: …). No library covers
these patterns for Arabic, so they are written here over the verb and word lists in
``lang/ar/speech_verbs.tsv`` and ``lang/ar/attribution_words.tsv``. Named-entity mentions,
when given, narrow a speaker phrase to the name inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.extract.numbers import norm_of, number_words, read_table
from rasid.model import Mention, Span
from rasid.text.sentences import split_sentences
from rasid.text.tokens import Token, tokenize

PUNCT = set("،,:؛;«»\"“”„‹›()[].؟?!-–—/")
SOFT_STOPS = {"في", "علي", "الي", "عن", "خلال", "امام", "عبر", "لدي", "مع", "من", "ل", "ب"}
CUT_AFTER_COMMA = {"حيث", "بينما", "فيما", "بينهم", "بينها", "الذي", "التي", "الذين", "وهو", "وهي",
                   "ما", "مما", "لكن", "ولكن", "في", "منذ", "وسط"}
RELATIVES = {"الذي", "التي", "الذين"}
_DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك", "هؤلاء", "اولئك"}
_NOUN_CONTEXT = {"او", "اي", "عدم", "دون", "بعد", "قبل", "ولا", "لا"}
COMPLEMENTIZERS = {"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "بانهم", "انهما"}
OPEN_MARKS = set("«“„‹\"")
CLOSE_MARKS = set("»”“›\"")


@dataclass(frozen=True)
class Attribution:
    """A speaker span, the relaying source if any (Reuters quoting an official), and the cue kind."""

    speaker: Span
    via: Span | None = None
    cue: str = "say"
    display: str | None = None  # the speaker as read when a clitic is fused in: للأمم → الأمم

    @property
    def label(self) -> str:
        """The speaker as one string: «مسؤول أميركي (via وكالة رويترز)»."""
        name = self.display or self.speaker.text
        if self.via is not None:
            return f"{name} (via {self.via.text})"
        return name

    def entity(self, mentions: list[Mention] | None) -> str | None:
        """The canonical entity id of the speaker: the linked mention inside the speaker span
        (a person before an organisation before a place), else None."""
        inside = [m for m in mentions or [] if m.entity and self.speaker.start <= m.start
                  and m.end <= self.speaker.end]
        rank = {"PER": 0, "ORG": 1, "LOC": 2}
        inside.sort(key=lambda m: (rank.get(m.type, 3), m.start))
        return inside[0].entity if inside else None


@dataclass(frozen=True)
class Cue:
    """A speech verb or source word at token ``index`` of the text."""

    index: int
    kind: str


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """Speech verb / source word (matching form) → kind."""
    return {w: k for w, k in read_table("speech_verbs.tsv", 2)}


@lru_cache(maxsize=1)
def attribution_words() -> dict[str, frozenset[str]]:
    """Word (matching form) → its kinds (title, label, time, stop, aux)."""
    out: dict[str, set[str]] = {}
    for w, k in read_table("attribution_words.tsv", 2):
        out.setdefault(w, set()).add(k)
    return {w: frozenset(ks) for w, ks in out.items()}


def strip_conj(norm: str) -> list[str]:
    """A word and its forms without a leading «و»/«ف» conjunction."""
    forms = [norm]
    if len(norm) > 2 and norm[0] in "وف":
        forms.append(norm[1:])
    return forms


def _unsuffixed(norm: str) -> str:
    """A verb without an object pronoun: «أعلنته» → «أعلنت», «ذكرها» → «ذكر»."""
    for suffix in ("ها", "هم", "ه"):
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3:
            return norm[: -len(suffix)]
    return norm


def cue_form(norm: str) -> str:
    """The speech-verb table form of a token («وقالت» → «قالت»), or the token itself."""
    verbs = speech_verbs()
    return next((f for f in strip_conj(norm) if f in verbs), norm)


def cue_kind(norm: str) -> str | None:
    """The cue kind of a token in matching form («وقالت» → say), or None."""
    verbs = speech_verbs()
    for form in strip_conj(norm):
        if form in verbs:
            return verbs[form]
    return None


def is_punct(tok: Token) -> bool:
    """A single punctuation or quotation mark token."""
    return len(tok.text) == 1 and tok.text in PUNCT


class Attributor:
    """Resolves who states what, over one text: cues, speaker phrases and the previous speaker."""

    def __init__(self, text: str, mentions: list[Mention] | None = None,
                 tokens: list[Token] | None = None) -> None:
        self.text = text
        self.tokens = tokens if tokens is not None else tokenize(text)
        self.norms = [norm_of(t.text) for t in self.tokens]
        self.mentions = sorted(mentions or [], key=lambda m: m.start)
        self.words = attribution_words()
        self.sentences: list[tuple[int, int]] = []
        self._sent_of: list[int] = [0] * len(self.tokens)
        self._cut_sentences()
        self.cues: list[Cue] = [Cue(i, k) for i, n in enumerate(self.norms)
                                if (k := cue_kind(n)) is not None and self._cue_ok(i, k)]
        self._resolved: dict[int, tuple[Attribution | None, bool]] = {}
        last: Attribution | None = None
        for cue in self.cues:
            att, explicit = self._resolve(cue, last)
            self._resolved[cue.index] = (att, explicit)
            if att is not None and explicit:
                last = att

    # -- structure ---------------------------------------------------------------------------
    def _cut_sentences(self) -> None:
        starts = [t.start for t in self.tokens]
        j = 0
        for si, span in enumerate(split_sentences(self.text)):
            while j < len(starts) and starts[j] < span.start:
                j += 1
            k = j
            while k < len(starts) and starts[k] < span.end:
                self._sent_of[k] = si
                k += 1
            self.sentences.append((j, k))
            j = k

    def _cue_ok(self, i: int, kind: str) -> bool:
        """Source words need their preposition: «وفقا ل…», «نقلا عن», «استنادا إلى»."""
        nxt = self.norms[i + 1] if i + 1 < len(self.norms) else ""
        form = cue_form(self.norms[i])
        if form in ("وفقا", "طبقا"):
            return nxt.startswith("ل")
        if form == "نقلا":
            return nxt == "عن"
        if form == "استنادا":
            return nxt == "الي"
        if kind == "in_doc":
            return nxt == "في"
        # «أي تأكيد أو نفي»، «بعد إعلان»: a verb form read as a noun after these words
        return not (kind == "say" and i > 0 and self.norms[i - 1] in _NOUN_CONTEXT)

    def sentence_range(self, tok: int) -> tuple[int, int]:
        """Token range of the sentence holding token ``tok``."""
        return self.sentences[self._sent_of[tok]]

    def clause_range(self, tok: int) -> tuple[int, int]:
        """Token range of the clause holding ``tok``: sentences are cut at «، حيث/بينما/الذي …»."""
        ts, te = self.sentence_range(tok)
        start, end = ts, te
        for i in range(ts, te - 1):
            if self.tokens[i].text in "،," and self._cuts(i + 1):
                if i < tok:
                    start = i + 1
                elif i >= tok:
                    end = i
                    break
        return start, end

    def _cuts(self, i: int) -> bool:
        n = self.norms[i]
        if n in CUT_AFTER_COMMA:
            return not (n == "في" and i + 1 < len(self.norms) and self.norms[i + 1] not in ("حين",))
        return cue_kind(n) == "participle"

    def token_at(self, pos: int) -> int:
        """Index of the token covering or following character ``pos``."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= pos:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(self.tokens) - 1)

    def kinds(self, i: int) -> frozenset[str]:
        """The word-list kinds of token ``i``, with a leading «و/ف» allowed («ومع» is a stop)."""
        out: frozenset[str] = frozenset()
        for f in strip_conj(self.norms[i]):
            out |= self.words.get(f, frozenset())
        return out

    # -- speaker phrases -----------------------------------------------------------------------
    def _span(self, a: int, b: int) -> Span:
        while b - a > 2 and self.tokens[a].text in OPEN_MARKS and self.tokens[b - 1].text in CLOSE_MARKS:
            a, b = a + 1, b - 1  # a speaker written in quotes: «وكالة الصحافة الفرنسية»
        s, e = self.tokens[a].start, self.tokens[b - 1].end
        return Span(s, e, self.text[s:e])

    def _narrow(self, a: int, b: int) -> Span:
        """The best entity mention inside tokens [a, b), else the whole phrase."""
        s, e = self.tokens[a].start, self.tokens[b - 1].end
        inside = [m for m in self.mentions if m.start >= s and m.end <= e]
        people = [m for m in inside if m.type in ("PER", "PERS")]
        # A person inside the phrase is the speaker; an organisation or place only when it heads the
        # phrase (وزارة الخارجية …), not when it qualifies a common noun (نواب من كوريا الجنوبية).
        heads = [m for m in inside if m.start - s <= 1]
        best = people[0] if people else (heads[0] if heads else None)
        if best is not None:
            return Span(best.start, best.end, self.text[best.start:best.end])
        return self._span(a, b)

    def _namelike(self, i: int) -> bool:
        n = self.norms[i]
        return not n.startswith(("ال", "وال")) and not self.kinds(i) and len(n) > 2 \
            and not n.endswith(("يه", "يون", "يين"))

    def np_forward(self, k: int, te: int, cap: int = 8) -> tuple[int, int] | None:
        """The noun phrase starting at token ``k``: up to a comma, «أن», a time word or a preposition."""
        i = k
        while i < te and "time" in self.kinds(i):
            i += 1
        start = i
        title_head = start < te and "title" in self.kinds(start)
        has_name = False
        limit = cap + (6 if title_head else 0)
        while i < te and i - start < limit:
            tok, n, ks = self.tokens[i], self.norms[i], self.kinds(i)
            if (i == start or (i > start and "label" in self.kinds(i - 1))) \
                    and (q_end := self._quoted_name_end(i, te)) is not None:
                has_name = True
                i = q_end
                continue
            if is_punct(tok) or "time" in ks or "aux" in ks or cue_kind(n) is not None \
                    or tok.text[:1].isdigit() or n in number_words():
                break
            if i > start and (self._to_label(n) or n in _DEMONSTRATIVES):
                break  # قال مسؤولون لوكالة رويترز؛ نفى السفير هذه المعلومات
            if has_name and n.startswith(("بم", "بت")) and len(n) > 4:
                break  # تعهد الأمين العام مارك روته بمواصلة الدعم
            if "stop" in ks or (i > start and n.startswith("لل")):
                if (n in SOFT_STOPS or "stop" not in ks) and ((n == "من" and i - start == 1) or (title_head and not has_name)):
                    i += 1
                    continue
                break
            if i > start and n.startswith(("بال", "لل")) and len(n) > 4 and (has_name or not title_head):
                break
            has_name = has_name or self._namelike(i)
            i += 1
        while i > start and self.norms[i - 1] in SOFT_STOPS:
            i -= 1
        if title_head and i > start:
            i = self._apposition(i, te)
        return (start, i) if i > start else None

    def _apposition(self, i: int, te: int) -> int:
        """Extend a title phrase over a name set off by commas: «المتحدث باسم الكرملين، دميتري بيسكوف، إن»."""
        if i >= te or self.tokens[i].text not in "،,":
            return i
        j = i + 1
        while j < te and j - i <= 4 and self._namelike(j) and cue_kind(self.norms[j]) is None \
                and not self.tokens[j].text[:1].isdigit():
            j += 1
        if j == i + 1:
            return i
        if j >= te or self.tokens[j].text in "،,:" or self.tokens[j].text in OPEN_MARKS \
                or self.norms[j] in COMPLEMENTIZERS:
            return j
        return i

    def np_backward(self, k: int, ts: int, cap: int = 6) -> tuple[int, int] | None:
        """The noun phrase ending just before token ``k`` (skipping «قد» and commas before «الذي»)."""
        i = k - 1
        while i >= ts and (self.norms[i] in ("قد", "لقد") or self.tokens[i].text in "،,"):
            i -= 1
        end = i + 1
        while i >= ts and end - i <= cap:
            tok, n, ks = self.tokens[i], self.norms[i], self.kinds(i)
            if is_punct(tok) or "stop" in ks or self._is_aux(i) or cue_kind(n) is not None:
                break
            i -= 1
        start = i + 1
        return (start, end) if end > start else None

    def _to_label(self, n: str) -> bool:
        """«لصحيفة»، «لوكالة»، «للتلفزيون»: a «to the outlet» phrase after the speaker."""
        if not n.startswith("ل") or len(n) < 4:
            return False
        return "label" in self.words.get(n[1:], frozenset())

    def _is_aux(self, i: int) -> bool:
        return any("aux" in self.words.get(f, frozenset()) for f in strip_conj(self.norms[i]))

    def _quoted_name_end(self, i: int, te: int) -> int | None:
        """End (exclusive) of a short quoted name opening at token ``i`` («الكرملين»), else None."""
        if self.tokens[i].text not in OPEN_MARKS:
            return None
        for j in range(i + 1, min(te, i + 6)):
            if self.tokens[j].text in CLOSE_MARKS:
                return j + 1 if j > i + 1 else None
        return None

    def sentence_subject(self, ts: int, te: int) -> tuple[int, int] | None:
        """The subject of a sentence: after «كان», at the start (SVO), or after the first verb."""
        if ts >= te:
            return None
        first = strip_conj(self.norms[ts])
        if any("aux" in self.words.get(f, frozenset()) for f in first):
            return self.np_forward(ts + 1, te)
        if self.norms[ts].startswith(("ال", "وال")) or first[-1] in ("هذا", "هذه", "ذلك", "تلك"):
            return self.np_forward(ts, te)
        return self.np_forward(ts + 1, te)

    # -- cue resolution ------------------------------------------------------------------------
    def _previous_cue(self, cue: Cue) -> Cue | None:
        ts, _ = self.sentence_range(cue.index)
        before = [c for c in self.cues if ts <= c.index < cue.index]
        return before[-1] if before else None

    def _resolve(self, cue: Cue, last: Attribution | None) -> tuple[Attribution | None, bool]:
        """(attribution, explicit) for one cue; ``last`` is the previous explicit speaker."""
        i, kind = cue.index, cue.kind
        ts, te = self.sentence_range(i)
        if kind in ("describe", "participle"):
            prev = self._previous_cue(cue)
            if prev is not None and prev.index in self._resolved:
                att = self._resolved[prev.index][0]
                return (att, False) if att is not None else (last, False)
            if kind == "participle":
                subj = self.sentence_subject(ts, te)
                if subj is not None:
                    return Attribution(self._narrow(*subj), cue=kind), True
            return last, False
        if kind in ("source", "source_ma", "in_doc"):
            j = i + 1
            form = cue_form(self.norms[i])
            if form in ("نقلا", "استنادا") or kind == "in_doc" or (j < te and self.norms[j] == "ل"):
                j += 1
            if j < te and self.norms[j] in ("ما", "لما"):
                j += 1
            if j < te and (cue_kind(self.norms[j]) is not None or cue_kind(_unsuffixed(self.norms[j])) is not None):
                j += 1  # بحسب ما أعلنته الاستخبارات
            np = self.np_forward(j, te)
            if np is None:
                return None, False
            span = self._narrow(*np)
            display = None
            if span.text.startswith("لل"):
                display = "ال" + span.text[2:]  # وفقا للأمم المتحدة → الأمم المتحدة
            elif form in ("وفقا", "طبقا") and span.text.startswith("ل"):
                display = span.text[1:]
            return Attribution(span, cue=kind, display=display), True
        if kind == "relay":
            x = self.np_forward(i + 1, te)
            if x is not None and x[1] < te and self.norms[x[1]] == "عن":
                y = self.np_forward(x[1] + 1, te)
                if y is not None:
                    return Attribution(self._narrow(*y), via=self._narrow(*x), cue=kind), True
            if x is not None:
                return Attribution(self._narrow(*x), cue=kind), True
            return last, False
        if kind == "text":
            doc = self._document_near(i, ts, te)
            if doc is not None:
                return Attribution(self._span(doc, doc + 1), cue=kind), True
        # say / think / text
        stem = cue_form(self.norms[i])
        present = stem[:1] in ("ي", "ت") and len(stem) > 3
        prev_ok = i > ts and not is_punct(self.tokens[i - 1]) and not self.kinds(i - 1) \
            and self.norms[i - 1] not in ("و", "ف")
        if present and prev_ok:
            back = self.np_backward(i, ts)
            if back is not None:
                return Attribution(self._narrow(*back), cue=kind), True
        fwd = self.np_forward(i + 1, te)
        if fwd is not None:
            relayed = self._relayed(fwd[1], te)
            if relayed is not None:  # ذكرت وكالة يونهاب نقلا عن مصادر عسكرية
                return Attribution(self._narrow(*relayed), via=self._narrow(*fwd), cue=kind), True
            return Attribution(self._narrow(*fwd), cue=kind), True
        j = i - 1
        while j >= ts and self.tokens[j].text in "،,":
            j -= 1
        if j >= ts and self.norms[j] in RELATIVES:
            back = self.np_backward(j, ts)
            if back is not None:
                return Attribution(self._narrow(*back), cue=kind), True
        if j >= ts and self.norms[j] in ("قد", "لقد"):
            back = self.np_backward(i, ts)
            if back is not None:
                return Attribution(self._narrow(*back), cue=kind), True
        if kind == "text" or i > ts + 1:
            subj = self.sentence_subject(ts, te)
            if subj is not None and not (subj[0] <= i < subj[1]):
                return Attribution(self._narrow(*subj), cue=kind), True
        return last, False

    def _relayed(self, k: int, te: int) -> tuple[int, int] | None:
        """The source after «نقلا عن» within two tokens of ``k``."""
        for j in range(k, min(te - 2, k + 2)):
            if cue_form(self.norms[j]) == "نقلا" and self.norms[j + 1] == "عن":
                return self.np_forward(j + 2, te)
        return None

    def _document_near(self, i: int, ts: int, te: int) -> int | None:
        """The treaty, law or statement a text verb speaks for: nearest before it, or just after."""
        for j in list(range(i - 1, ts - 1, -1)) + list(range(i + 1, min(te, i + 4))):
            if any("document" in self.words.get(f, frozenset()) for f in strip_conj(self.norms[j])):
                return j
        return None

    def of_cue(self, index: int) -> Attribution | None:
        """The attribution resolved for the cue at token ``index``."""
        return self._resolved.get(index, (None, False))[0]

    # -- queries -------------------------------------------------------------------------------
    def for_position(self, pos: int) -> Attribution | None:
        """Who states the clause holding character ``pos``: its first cue before ``pos``, a source
        phrase anywhere in it, or a speech verb set after it by a comma; None when the clause is the
        writer's own."""
        if not self.tokens:
            return None
        tok = self.token_at(pos)
        cs, ce = self.clause_range(tok)
        inside = [c for c in self.cues if cs <= c.index < ce]
        before = [c for c in inside if c.index < tok]
        if before:
            return self.of_cue(before[0].index)
        for c in inside:
            if c.kind.startswith("source") or c.kind == "in_doc" or (c.index > 0 and self.tokens[c.index - 1].text in "،,"):
                return self.of_cue(c.index)
        return None

    def for_quote(self, start: int) -> Attribution | None:
        """The speaker of a direct quote opening at ``start``: the nearest cue before it in its clause,
        a cue after it in the sentence, or the nearest cue before it in the sentence."""
        if not self.tokens:
            return None
        tok = self.token_at(start)
        cs, _ce = self.clause_range(tok)
        ts, te = self.sentence_range(tok)
        in_clause = [c for c in self.cues if cs <= c.index < tok]
        outer = [c for c in in_clause if not self._nested(c, cs)]
        if outer or in_clause:
            return self.of_cue((outer or in_clause)[-1].index)
        after = [c for c in self.cues if tok <= c.index < te and c.kind in ("say", "think", "source", "source_ma")]
        if after:
            return self.of_cue(after[0].index)
        before = [c for c in self.cues if ts <= c.index < tok]
        if before:
            return self.of_cue(before[-1].index)
        return None

    def _nested(self, cue: Cue, cs: int) -> bool:
        """A cue inside another cue's «أن …» content in the same clause (نقلت … إن التقديرات تشير)."""
        seen_cue = False
        for i in range(cs, cue.index):
            if cue_kind(self.norms[i]) in ("say", "think", "relay", "participle"):
                seen_cue = True
            elif seen_cue and self.norms[i] in COMPLEMENTIZERS:
                return True
        return False

    def previous_speaker(self, pos: int) -> Attribution | None:
        """The last explicit speaker resolved before character ``pos``."""
        best: Attribution | None = None
        for c in self.cues:
            if self.tokens[c.index].start >= pos:
                break
            att, explicit = self._resolved[c.index]
            if att is not None and explicit:
                best = att
        return best


def speaker_of(text: str, sentence_span: Span, position: int | None = None,
               mentions: list[Mention] | None = None) -> Span | None:
    """The speaker span for a sentence of ``text`` (or for ``position`` inside it), else None."""
    attributor = Attributor(text, mentions)
    if position is not None:
        att = attributor.for_position(position)
    else:
        first = attributor.token_at(sentence_span.start)
        cues = [c for c in attributor.cues
                if first <= c.index and attributor.tokens[c.index].end <= sentence_span.end]
        att = attributor.of_cue(cues[0].index) if cues else None
    return att.speaker if att is not None else None
