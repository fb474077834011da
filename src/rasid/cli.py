"""The ``rasid`` command: one subcommand per job (``analyze`` now; ``ner`` and others attach lazily)."""

from __future__ import annotations

import importlib
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from rasid import __version__
from rasid.errors import RasidError
from rasid.model import Article, Page, Rejected
from rasid.pipeline import FULL, registered

if TYPE_CHECKING:
    from rasid.export.jsonl import JsonlWriter
    from rasid.store.base import Store

log = logging.getLogger("rasid")

#: Subcommands that live in other modules, imported only when used or listed.
LAZY_COMMANDS = {"ner": "rasid.extract.ner.cli:ner"}

#: How many results go into one store transaction.
BATCH = 200


class LazyGroup(click.Group):
    """A click group whose extra subcommands are imported on demand; absent modules are simply not listed."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def _load(self, name: str) -> click.Command | None:
        module_name, _, attr = self.lazy[name].partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                return None  # the module is not part of this installation
            raise
        command = getattr(module, attr)
        return command if isinstance(command, click.Command) else None

    def list_commands(self, ctx: click.Context) -> list[str]:
        extra = [name for name in self.lazy if name not in self.commands and self._load(name) is not None]
        return sorted([*super().list_commands(ctx), *extra])

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RasidError as exc:
            hint = f"\nhint: {exc.hint}" if exc.hint else ""
            raise click.ClickException(f"{exc}{hint}") from exc

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            return self._load(cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy=LAZY_COMMANDS)
@click.version_option(__version__, prog_name="rasid")
def cli() -> None:
    """راصد rasid: offline, Arabic-native news intelligence."""


def _progress(quiet: bool) -> Any:
    """A rich progress display on stderr; disabled when quiet or when stderr is not a terminal."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"),
                    TextColumn("pages {task.fields[pages]} · articles {task.fields[articles]} "
                               "· rejected {task.fields[rejected]}"),
                    TimeElapsedColumn(), console=Console(stderr=True),
                    disable=quiet or not sys.stderr.isatty(), transient=True)


@cli.command(short_help="Find the articles in pages; write JSONL, a report and the DB.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for articles.jsonl, rejected.jsonl and report.html (created if missing).")
@click.option("--db", default=None, metavar="FILE",
              help="SQLite file that keeps every run, page and article [default: DIR/rasid.db].")
@click.option("--steps", default=",".join(FULL), show_default=True, metavar="A,B,...",
              help=f"Pipeline steps, in order (registered: {', '.join(registered())}).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.pass_context
def analyze(ctx: click.Context, paths: tuple[Path, ...], out_dir: Path, db: str | None, steps: str,
            quiet: bool) -> None:
    """Read PATH... (files or folders), find the articles, and write them to DIR and the database.

    Inputs that cannot be used are listed with the reason in DIR/rejected.jsonl; the run still
    succeeds (exit 0). Exit code 2 means no article at all could be found.
    """
    from rasid.export import JsonlWriter, write_entities, write_report
    from rasid.ingest import read_paths
    from rasid.pipeline import AnalyzeOptions, RunContext, analyze, build
    from rasid.store import open_store

    options = AnalyzeOptions(steps=tuple(s.strip() for s in steps.split(",") if s.strip()))
    build(options.steps)  # a broken step chain fails here, before any output is touched
    db_path = db or str(out_dir / "rasid.db")
    with open_store(db_path) as store, JsonlWriter(out_dir) as writer, _progress(quiet) as progress:
        rec = _Recorder(store, writer, store.begin_run(
            {"paths": [str(p) for p in paths], "out": str(out_dir), "db": db_path, "steps": list(options.steps)}))
        task = progress.add_task("analysing", total=None, pages=0, articles=0, rejected=0)
        rec.on_page = lambda n: progress.update(task, pages=n)
        context = RunContext(known_entities=store.entities() if "link" in options.steps else [])
        try:
            results = analyze(rec.tap(_outside(out_dir, read_paths(paths))), options, context)
            while chunk := list(islice(results, BATCH)):
                rec.record(chunk)
                progress.update(task, **{k: rec.counts[k] for k in ("pages", "articles", "rejected")})
            rec.record([])
            with store.transaction():
                for entity in context.entities.values():
                    store.add_entity(rec.run_id, entity)
            rec.counts["entities"] = write_entities(out_dir, context.entities.values())
            rec.finished = True
        finally:
            store.finish_run(rec.run_id, rec.summary())
        started = next(r["started"] for r in store.runs() if r["id"] == rec.run_id)
        summary = {"run": rec.run_id, "version": __version__, "db": db_path, "started": started, **rec.counts}
        write_report(out_dir, summary, store.articles(rec.run_id), store.rejected(rec.run_id))

    counts = rec.counts
    if not quiet:
        why = ", ".join(f"{code} ×{n}" for code, n in rec.reasons.most_common())
        dup = f" · repeated {counts['repeated']}" if counts["repeated"] else ""
        click.echo(f"pages {counts['pages']} · articles {counts['articles']} · rejected {counts['rejected']}"
                   + (f" ({why})" if why else "") + dup)
        click.echo(f"entities {counts['entities']}")
        click.echo(f"wrote {out_dir}/articles.jsonl, entities.jsonl, rejected.jsonl, report.html")
        click.echo(f"db {db_path} (run {rec.run_id})")
    if counts["articles"] == 0:
        what = (f"{counts['pages']} page(s) read but none held article text" if counts["pages"]
                else "no input could be read")
        click.echo(f"rasid: {what}; see {out_dir / 'rejected.jsonl'} for the reasons.", err=True)
        ctx.exit(2)


def _outside(out_dir: Path, items: Iterable[Page | Rejected]) -> Iterator[Page | Rejected]:
    """Inputs not under ``out_dir``: a run must not read its own outputs when DIR is inside PATH."""
    out = out_dir.resolve()
    inside: dict[str, bool] = {}
    for item in items:
        file = re.sub(r"(#.*|:\d+)$", "", item.source)
        if file not in inside:
            inside[file] = Path(file).resolve().is_relative_to(out)
            if inside[file]:
                log.warning("skipping %s: it is under the output folder %s", file, out_dir)
        if not inside[file]:
            yield item


class _Recorder:
    """Writes one run's results to the store and the JSONL files, in batched transactions, and counts them.

    An article met again in the same run (the same content under two names) is written once and
    counted as ``repeated``, so articles.jsonl holds each id once, like the database.
    """

    def __init__(self, store: Store, writer: JsonlWriter, run_id: str) -> None:
        self.store, self.writer, self.run_id = store, writer, run_id
        self.counts: Counter[str] = Counter(pages=0, articles=0, rejected=0, repeated=0, entities=0)
        self.reasons: Counter[str] = Counter()
        self.pending: list[Page] = []
        self.seen: set[str] = set()
        self.finished = False
        self.on_page: Callable[[int], object] = lambda n: None

    def tap(self, items: Iterable[Page | Rejected]) -> Iterator[Page | Rejected]:
        """Pass items through, keeping the pages to store with the next batch."""
        for item in items:
            if isinstance(item, Page):
                self.pending.append(item)
                self.counts["pages"] += 1
                self.on_page(self.counts["pages"])
            yield item

    def record(self, chunk: list[Article | Rejected]) -> None:
        """Store the pages read so far and ``chunk``, in one transaction."""
        with self.store.transaction():
            for page in self.pending:
                self.store.add_page(self.run_id, page)
            self.pending.clear()
            for item in chunk:
                if isinstance(item, Rejected):
                    self.store.add_rejected(self.run_id, item)
                    self.counts["rejected"] += 1
                    self.reasons[item.code] += 1
                elif item.id in self.seen:
                    self.counts["repeated"] += 1
                    continue
                else:
                    self.seen.add(item.id)
                    self.store.add_article(self.run_id, item)
                    self.counts["articles"] += 1
                self.writer.write(item)

    def summary(self) -> dict[str, Any]:
        """The counts recorded on the run row."""
        return {**self.counts, "reasons": dict(self.reasons), "interrupted": not self.finished}


def main() -> None:
    """Console entry point (``rasid``); typed rasid errors end as a message with a hint and exit code 1."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    cli(prog_name="rasid")


if __name__ == "__main__":
    main()
