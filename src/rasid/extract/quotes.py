"""Quotes with speakers: direct quotes in «»، “”، ""، „“، ‹› and reported speech after speech verbs.

A direct quote's speaker is found before it (وقال بوتين: "…"), after it («…»، قال المتحدث …),
carried over a continuation (وأضاف: …، وتابع …) or taken from the previous speaker for a bare
pronoun verb (وقالت: …), all through :mod:`rasid.extract.attribution`. Short quoted names —
«الدوما»، «تلغرام»، قاعدة «فوستوشني» — are not quotes: a quoted phrase of three words or fewer
must have a speaker and must not read as a name (after a label noun such as منصة/مركز/طراز,
in apposition to a definite noun, or a byline «الشرق الأوسط» (كييف)).
"""

from __future__ import annotations

from rasid.extract.attribution import (
    CLOSE_MARKS,
    COMPLEMENTIZERS,
    OPEN_MARKS,
    Attribution,
    Attributor,
    attribution_words,
    cue_kind,
    is_punct,
    strip_conj,
)
from rasid.model import Mention, Quote
from rasid.text.tokens import tokenize

_OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
_SHORT = 3
_NAME_MAX = 6
_REPORTING = {"say", "participle", "relay"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of every quotation, line by line; nested quotes are all kept."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stack: list[tuple[str, int]] = []
        for i, ch in enumerate(line):
            at = pos + i
            if stack and (ch == _OPENERS.get(stack[-1][0]) or (stack[-1][0] in ('"', "”") and ch == stack[-1][0])):
                out.append((stack.pop()[1], at))
            elif ch in _OPENERS or ch == '"':
                stack.append((ch, at + 1))
            elif ch == "”" and i + 1 < len(line) and not line[i + 1].isspace():
                stack.append((ch, at + 1))  # a closing mark used to open: ب”القيادة الحكيمة”
        pos += len(line) + 1
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return sorted(spans)


class _Quotes:
    def __init__(self, text: str, mentions: list[Mention] | None) -> None:
        self.text = text
        self.mentions = mentions or []
        self.att = Attributor(text, mentions, tokenize(text))
        self.words = attribution_words()
        self._last_was_name = False

    def _kinds(self, norm: str) -> frozenset[str]:
        return self.words.get(norm, frozenset())

    def _reads_as_name(self, s: int, e: int, apposition: bool) -> bool:
        """A short quoted stretch that names something rather than quoting someone."""
        att, toks, norms = self.att, self.att.tokens, self.att.norms
        first = att.token_at(s)
        inner = [i for i in range(first, len(toks)) if toks[i].start < e]
        if not inner:
            return True
        q_first = norms[inner[0]]
        if "label" in self._kinds(q_first):
            return True
        body = " ".join(norms[k] for k in inner if not is_punct(toks[k]))
        if any("name" in self._kinds(f) for f in (body, *strip_conj(body))):
            return True
        open_tok = first - 1
        before = open_tok - 1
        after = inner[-1] + 2  # skip the closing mark
        if after < len(toks) and toks[after].text == "(":
            return True
        line_start = self.text.rfind("\n", 0, s) + 1
        line_end = self.text.find("\n", e)
        line_end = len(self.text) if line_end < 0 else line_end
        if not self.text[line_start:s - 1].strip() and not self.text[e + 1:line_end].strip(" .،"):
            return True
        if before < 0 or is_punct(toks[before]):
            return False
        prev = norms[before]
        if prev == "ل" or cue_kind(prev) is not None:  # قال لـ«العربية»، وقالت "غرينبيس" إن
            return True
        if prev == "و" and before > 0 and toks[before - 1].text in CLOSE_MARKS:
            return self._last_was_name  # a list of names: "غران بلو" و"نيكيتا"
        forms = strip_conj(prev) + ([prev[1:]] if prev[:1] in ("ل", "ب") and len(prev) > 3 else [])
        if any("label" in self._kinds(f) for f in forms):
            return True
        one_word = inner[-1] == inner[0]
        return apposition and prev.startswith(("ال", "وال")) and "stop" not in self._kinds(prev) \
            and (q_first.startswith("ال") or one_word)

    def direct(self) -> list[Quote]:
        out: list[Quote] = []
        for s, e in quote_spans(self.text):
            n_words = len(self.text[s:e].split())
            self._last_was_name = n_words <= _NAME_MAX and self._reads_as_name(s, e, n_words <= _SHORT)
            if self._last_was_name:
                continue
            who = self.att.for_quote(s)
            if who is None and n_words > _SHORT:
                who = self._carried(s)
            if who is None and n_words <= _SHORT:
                continue
            out.append(Quote(start=s, end=e, text=self.text[s:e],
                             speaker=who.label if who is not None else None, direct=True,
                             speaker_entity=who.entity(self.mentions) if who is not None else None))
        return out

    def _carried(self, s: int) -> Attribution | None:
        """A quote opening its sentence continues the previous speaker's words."""
        att = self.att
        tok = att.token_at(s)
        ts, _ = att.sentence_range(tok)
        if tok - ts <= 2:
            return att.previous_speaker(s)
        return None

    def reported(self, direct: list[Quote]) -> list[Quote]:
        att, toks, norms = self.att, self.att.tokens, self.att.norms
        out: list[Quote] = []
        covered_until = -1
        for cue in att.cues:
            if cue.kind not in _REPORTING or cue.index < covered_until:
                continue
            _ss, se = att.sentence_range(cue.index)
            comp = None
            j = cue.index + 1
            while j < min(se, cue.index + 20):
                if norms[j] in COMPLEMENTIZERS:
                    comp = j
                    break
                if toks[j].text in OPEN_MARKS:
                    close = next((k for k in range(j + 1, min(se, j + 5)) if toks[k].text in CLOSE_MARKS), None)
                    if close is None:
                        break
                    j = close + 1  # a short quoted name on the way: منصة «تلغرام»
                    continue
                if toks[j].text == ":" or cue_kind(norms[j]) is not None:
                    break
                j += 1
            if comp is None:
                continue
            _cs, ce = att.clause_range(comp)
            if comp + 1 >= ce:
                continue
            end_tok = ce
            while end_tok > comp + 1 and is_punct(toks[end_tok - 1]) and toks[end_tok - 1].text not in "»”\"›":
                end_tok -= 1
            s = toks[comp].start + (1 if norms[comp].startswith("ب") else 0)
            e = toks[end_tok - 1].end
            covered_until = end_tok
            if any(q.start <= s < q.end for q in direct):
                continue
            inner = sum(min(q.end, e) - max(q.start, s) for q in direct if q.start < e and q.end > s)
            if inner >= 0.7 * (e - s):
                continue
            who = att.of_cue(cue.index)
            out.append(Quote(start=s, end=e, text=self.text[s:e],
                             speaker=who.label if who is not None else None, direct=False,
                             speaker_entity=who.entity(self.mentions) if who is not None else None))
        return out


def find_quotes(text: str, mentions: list[Mention] | None = None) -> list[Quote]:
    """Direct and reported quotes in ``text`` with their speakers, in text order."""
    if not text.strip():
        return []
    q = _Quotes(text, mentions)
    direct = q.direct()
    return sorted(direct + q.reported(direct), key=lambda x: (x.start, -x.end))
