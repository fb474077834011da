"""``rasid ner``: tag a CoNLL-style file, or score the tagger against its gold labels."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from rasid.errors import RasidError
from rasid.extract.ner.conll import TYPES, read_conll, score

if TYPE_CHECKING:
    from rasid.extract.ner.tagger import Labeller


@click.group(name="ner")
def ner() -> None:
    """Arabic named-entity recognition (PER, ORG, LOC, MISC)."""


def _tagger() -> Labeller:
    """The packaged tagger, with model errors shown as a click error."""
    from rasid.extract.ner import load_tagger

    try:
        return load_tagger()
    except RasidError as exc:
        raise click.ClickException(str(exc)) from exc


@ner.command("tag")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of stdout.")
def tag_cmd(file: Path, output: Path | None) -> None:
    """Label FILE (first column = token, blank line between sentences) as token<TAB>LABEL lines."""
    try:
        sents = read_conll(file, labelled=False)
    except RasidError as exc:
        raise click.ClickException(str(exc)) from exc
    labels = _tagger().tag([s.tokens for s in sents])
    blocks = ["".join(f"{t}\t{lab}\n" for t, lab in zip(s.tokens, labs, strict=True))
              for s, labs in zip(sents, labels, strict=True)]
    text = "\n".join(blocks)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@ner.command("eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_cmd(file: Path, as_json: bool) -> None:
    """Entity-level precision / recall / F1 against FILE's gold labels (last column), exact spans."""
    try:
        sents = read_conll(file, labelled=True)
    except RasidError as exc:
        raise click.ClickException(str(exc)) from exc
    pred = _tagger().tag([s.tokens for s in sents])
    result = score([s.labels for s in sents], pred)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"{'type':<8}{'precision':>10}{'recall':>10}{'f1':>10}{'gold':>8}{'pred':>8}")
    for kind in (*TYPES, "overall"):
        r = result[kind]
        click.echo(f"{kind:<8}{r['precision']:>10.4f}{r['recall']:>10.4f}{r['f1']:>10.4f}"
                   f"{r['gold']:>8}{r['predicted']:>8}")
