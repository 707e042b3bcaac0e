"""The ``kg`` command: thin commands over the package.

Exit codes: 0 success; 1 the data does not conform to the shapes (``validate``,
``build``); 2 bad input or usage (missing file, malformed RDF, unknown option
value, a query that does not parse).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.errors import KgError, UsageError

#: The reasoners of kg.reason.REASONERS (named here so that the command line starts without importing rdflib).
REASONERS = ("rules", "reasonable", "owlrl")

EXIT_CODES = """\b
Exit codes:
  0  success (for validate: the data conforms)
  1  the data violates the shapes
  2  an error: missing file, malformed input, unknown option value"""


class KgGroup(click.Group):
    """Turns :class:`KgError` into a one-line message and its exit code, never a stack trace."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as err:
            click.echo(f"kg: error: {err.message}", err=True)
            if err.hint:
                click.echo(f"  {err.hint.strip()}", err=True)
            ctx.exit(err.exit_code)
        except OSError as err:
            click.echo(f"kg: error: {err.filename or ''}: {err.strerror}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except Exception as err:  # a bug: say so in one line; KG_DEBUG=1 shows the traceback
            if os.environ.get("KG_DEBUG"):
                raise
            click.echo(f"kg: internal error: {type(err).__name__}: {err}", err=True)
            click.echo("  This is a bug in kg; run again with KG_DEBUG=1 for details and report it.", err=True)
            ctx.exit(2)


def _bind_address(host: str) -> str:
    """The address to bind for ``--host``: Granian takes IP addresses only, so ``localhost`` is 127.0.0.1."""
    import ipaddress

    if host.lower() == "localhost":
        return "127.0.0.1"
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        raise UsageError(
            f"--host {host} is not an IP address.", "Give an address to listen on, such as 127.0.0.1 or 0.0.0.0."
        ) from None
    return host.strip("[]")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (127.0.0.0/8, ::1) or ``localhost``."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _project(root):
    from kg.project import find_project

    return find_project(root)


def _warn_if_stale(stale: bool, consequence: str = "run 'kg build' to refresh.") -> None:
    from kg.build import stale_message

    if stale:
        click.echo(f"kg: warning: {stale_message(consequence)}", err=True)


def _last_build(root, out_dir):
    """The project, the build folder and the manifest of its build (building first if there is none)."""
    from kg.build import ensure_built

    project = _project(root)
    out = project.output(out_dir)
    return project, out, ensure_built(project, out)


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Project folder (default: $KG_ROOT, else the folder holding ontology/kg.ttl above the working directory).",
)
out_option = click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Build folder (default: out/ in the project folder).",
)


@click.group(cls=KgGroup, epilog=EXIT_CODES)
@click.version_option(package_name="italy-japan-kg", prog_name="kg")
def cli():
    """Italy-Japan Knowledge Graph: build, validate, export, query and serve the graph."""


@cli.command()
@root_option
@out_option
@click.option(
    "--reasoner",
    type=click.Choice(REASONERS),
    default=REASONERS[0],
    show_default=True,
    help="OWL-RL reasoner: rules (fast, lean), reasonable (Rust; large memory) or owlrl (the reference); "
    "all three infer the same triples.",
)
@click.option(
    "--with-drafts",
    is_flag=True,
    help="Also load data/claims/*.draft.ttl (written by kg draft); their claims stay typed kg:Draft.",
)
def build(root, out_dir, reasoner, with_drafts):
    """Load, check quotes, validate, reason, validate the closure, write out/.

    A failed build writes nothing: the previous outputs stay as they were.
    Drafts (data/claims/*.draft.ttl) are left out unless --with-drafts.
    """
    from kg.build import build as run_build
    from kg.build import pending_drafts
    from kg.project import display_path

    project = _project(root)
    built, out = run_build(project, out_dir, reasoner, with_drafts=with_drafts)
    click.echo(
        f"built {display_path(out)}: {built.counts['asserted']} asserted, {built.counts['inferred']} inferred triples; "
        f"{len(built.report.violations)} violations, {len(built.report.warnings)} warnings "
        f"({sum(built.timings.values()):.1f} s)"
    )
    drafts = pending_drafts(project)
    if drafts.files:
        where = "included in this build" if with_drafts else "left out (kg build --with-drafts includes them)"
        click.echo(
            f"{drafts.claims} draft claim{'s' if drafts.claims != 1 else ''} in {len(drafts.files)} "
            f"file{'s' if len(drafts.files) != 1 else ''} wait for review, {where}: "
            + ", ".join(display_path(f) for f in drafts.files)
        )
    for path, message in drafts.unreadable:
        click.echo(
            f"kg: warning: {display_path(path)} does not parse ({message}); its claims are not counted.", err=True
        )


@cli.command(epilog=EXIT_CODES)
@root_option
@click.argument("article", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Draft file to write (default: data/claims/<article>.draft.ttl); it must end in .draft.ttl.",
)
@click.option("--force", is_flag=True, help="Replace an existing draft.")
@click.option(
    "--date",
    "date",
    default=None,
    help="The article's date (YYYY, YYYY-MM or YYYY-MM-DD) when the text does not give it.",
)
def draft(root, article, output, force, date):
    """Write a first draft of ARTICLE's claims (a .txt file) for review.

    Every proposed claim and entity is typed kg:Draft; the build leaves the draft
    out until it is reviewed. Offline: nothing is fetched.
    """
    from kg.draft import default_output, draft_article, load_registry, registry_files, write_draft
    from kg.project import display_path

    project = _project(root)
    article = Path(article)
    out = output or default_output(project, article)
    if out.exists() and not force and out.name.endswith(".draft.ttl"):
        raise KgError(
            f"{display_path(out)}: a draft already exists.", "Review or remove it, or pass --force to replace it."
        )
    registry = load_registry(registry_files(project, skip={article.stem}))
    result = draft_article(article, registry, date=date)
    written = write_draft(result, out, force=force)
    if not result.date.value:
        click.echo(
            f"kg: warning: {display_path(article)}: no article date found; relative dates stay unresolved.", err=True
        )
        click.echo("  Give it with --date YYYY-MM-DD if another source has it.", err=True)
    linked = sum(1 for s in result.sentences for m in s.mentions if m.how != "new")
    unresolved = sum(1 for s in result.sentences for d in s.dates if d.value is None)
    click.echo(
        f"drafted {display_path(written)}: {len(result.sentences)} evidence sentences, {result.claim_count} draft claims, "
        f"{linked} registry mentions, {len(result.new_entities)} proposed entities, {len(result.events)} proposed events, "
        f"{sum(len(s.dates) for s in result.sentences)} dates ({unresolved} unresolved)"
    )


@cli.command(epilog=EXIT_CODES)
@root_option
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", default="text", show_default=True, help="Report format: text, turtle or json.")
@click.option("--closure/--no-closure", default=False, help="Also reason with OWL-RL and validate the closure.")
@click.option(
    "--engine",
    type=click.Choice(["shacl", "pyshacl"]),
    default="shacl",
    show_default=True,
    help="SHACL engine: shacl (fast) or pyshacl (the reference); both report the same results.",
)
def validate(root, files, fmt, closure, engine):
    """Validate the project's data, or the given FILES, against the SHACL shapes.

    With FILES, exactly those files are checked (with the ontology), so pass
    data/entities.ttl too when a file refers to registry entities.
    """
    from kg.evidence import provenance, require_evidence
    from kg.load import load
    from kg.reason import reason_nt
    from kg.triples import from_graph, ntriples_text
    from kg.validate import REPORT_FORMATS, load_shapes
    from kg.validate import validate as run_validate

    if fmt not in REPORT_FORMATS:
        raise KgError(f"unknown report format '{fmt}'.", "Use one of: " + ", ".join(REPORT_FORMATS) + ".")
    project = _project(root)
    dataset = load(project, files=list(files) if files else None)
    if not files:
        require_evidence(project, dataset)
    shapes = load_shapes(project.shapes_file)
    text = ntriples_text(dataset.triples)
    if closure:
        text += ntriples_text(reason_nt(from_graph(dataset.ontology) + dataset.triples).inferred)
    report = run_validate(
        None, shapes, dataset.ontology, engine=engine, data_text=text, provenance=provenance(dataset.index)
    )
    click.echo(report.render(fmt), nl=False)
    sys.exit(0 if report.conforms else 1)


@cli.command()
@root_option
@out_option
@click.option(
    "--format", "fmt", default="turtle", show_default=True, help="turtle, ntriples, jsonld, trig, nquads or xml."
)
@click.option(
    "--graph", "which", default="all", show_default=True, help="asserted, inferred or all (all adds the ontology)."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE (atomically) instead of standard output.",
)
@click.option(
    "--profile",
    default="plain",
    show_default=True,
    help="plain (RDF 1.1, claims as rdf:Statement), owl (claims as OWL axiom annotations, for Protégé and the "
    "OWL API) or rdf12 (claims as RDF 1.2 reifiers of triple terms; turtle, trig, ntriples or nquads).",
)
def export(root, out_dir, fmt, which, output, profile):
    """Export the built graph for other tools (Protégé, Oxigraph, Jena, GraphDB, Virtuoso, Neo4j)."""
    from kg.export import GRAPH_CHOICES, check_format, export_built, write_atomic
    from kg.profiles import check_profile

    check_format(fmt)
    check_profile(profile)
    if which not in GRAPH_CHOICES:
        raise KgError(f"unknown graph '{which}'.", "Use one of: " + ", ".join(GRAPH_CHOICES) + ".")
    _, out, (_, stale) = _last_build(root, out_dir)
    _warn_if_stale(stale)
    text = export_built(out, which, fmt, profile)
    if output is None:
        click.echo(text.decode("utf-8"), nl=False)
    else:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)


@cli.command()
@root_option
@out_option
@click.argument("query")
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    help="table, csv, tsv or json (CONSTRUCT/DESCRIBE print Turtle).",
)
@click.option(
    "--graph",
    "which",
    default="all",
    show_default=True,
    help="asserted (no reasoning) or all (asserted, inferred and ontology).",
)
def query(root, out_dir, query, fmt, which):
    """Run a SPARQL QUERY (a .rq file or the query text) over the built graph, with Oxigraph as the endpoint does."""
    from kg.query import GRAPH_CHOICES, RESULT_FORMATS, format_result, open_build, query_text, run

    if fmt not in RESULT_FORMATS:
        raise KgError(f"unknown result format '{fmt}'.", "Use one of: " + ", ".join(RESULT_FORMATS) + ".")
    if which not in GRAPH_CHOICES:
        raise KgError(f"unknown graph '{which}'.", "Use asserted or all.")
    text = query_text(query)
    _, out, (_, stale) = _last_build(root, out_dir)
    _warn_if_stale(stale)
    click.echo(format_result(run(open_build(out, which), text), fmt), nl=False)


@cli.command()
@root_option
@out_option
@click.option("--format", "fmt", default="table", show_default=True, help="table or json.")
def stats(root, out_dir, fmt):
    """Counts: entities by class (asserted and after reasoning), triples, articles, evidence."""
    import json

    from kg.stats import render_stats

    # The build counted everything already: its manifest answers without parsing a graph.
    _, _, (manifest, stale) = _last_build(root, out_dir)
    _warn_if_stale(stale)
    counts = manifest["triples"]
    figures = {"triples": {k: counts[k] for k in ("asserted", "inferred", "ontology")}, "classes": manifest["classes"]}
    if fmt == "json":
        click.echo(json.dumps(figures, indent=2, sort_keys=True))
    elif fmt == "table":
        click.echo(render_stats(figures), nl=False)
    else:
        raise KgError(f"unknown stats format '{fmt}'.", "Use table or json.")


@cli.command()
@root_option
@out_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option(
    "--threads",
    default=None,
    type=click.IntRange(1, 64),
    help="Threads per worker (default: twice the CPU cores plus one, at most 8: as many as Granian runs without a warning).",
)
@click.option(
    "--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600), help="Seconds a query may run."
)
@click.option(
    "--store",
    default=None,
    metavar="URL",
    help="Serve from an external store's SPARQL query endpoint (filled by 'kg publish') instead of the embedded one.",
)
@click.option(
    "--drafts",
    is_flag=True,
    help="Also serve /drafts, the review pages of data/claims/*.draft.ttl; local only: --host must be loopback.",
)
def serve(root, out_dir, host, port, workers, threads, timeout, store, drafts):
    """Serve the SPARQL endpoint at /sparql and the web pages at / with a production HTTP server (Granian).

    It serves the outputs of the last 'kg build', and builds first if there are none.
    With --store it answers from an external SPARQL store instead, with the same limits.
    With --drafts it also serves /drafts, for reviewing drafts; unreviewed drafts stay on this
    machine, so a --host that is not a loopback address is refused.
    """
    if drafts and not is_loopback(host):
        raise UsageError(
            f"--drafts serves unreviewed drafts and is local only, but --host {host} is not a loopback address.",
            "Leave out --host (127.0.0.1), or give 127.0.0.1, ::1 or localhost.",
        )
    bind = _bind_address(host)
    project, out, (manifest, stale) = _last_build(root, out_dir)
    _warn_if_stale(stale, "serving the last build.")
    source = "the embedded store"
    if store:
        from kg.namespaces import GRAPHS
        from kg.store import check_store

        held = check_store(store, GRAPHS, timeout=min(timeout, 30))
        differ = [n for n, c in held.items() if c != manifest["triples"].get(n)]
        if differ:
            click.echo(
                f"kg: warning: the store's {', '.join(differ)} graph(s) differ from the last build; "
                "run 'kg publish' to bring them up to date.",
                err=True,
            )
        source = store
    click.echo(
        f"serving http://{host}:{port}/ and /sparql{' and /drafts' if drafts else ''} from {source} "
        f"({workers} workers, query timeout {timeout:g} s)",
        err=True,
    )
    from server.run import run_serve  # the one place the command line reaches into the server

    run_serve(
        host=bind,
        port=port,
        workers=workers,
        threads=threads,
        timeout=timeout,
        root=str(project.root),
        out=str(out),
        store=store,
        drafts=drafts,
    )


@cli.command()
@root_option
@out_option
@click.option(
    "--store", required=True, help="The store's Graph Store Protocol URL (for Oxigraph: http://host:7878/store)."
)
@click.option(
    "--graph-prefix",
    default=None,
    help="Name the graphs PREFIX + asserted|inferred|ontology|shapes instead of the project's IRIs.",
)
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(1, 3600), help="Seconds per request.")
@click.option(
    "--allow-rewrites",
    is_flag=True,
    help="Publish even when the store would rewrite some literals (listed as a warning) instead of refusing.",
)
def publish(root, out_dir, store, graph_prefix, timeout, allow_rewrites):
    """Load the built graphs into an external store (SPARQL 1.1 Graph Store Protocol).

    First checks, with a scratch graph it deletes after, that the store keeps every
    literal as sent; if it would rewrite some, it names them and exits 1 without
    replacing anything (unless --allow-rewrites). Then replaces the four named graphs
    this project owns and nothing else, reads each back and compares its content with
    what was sent. Credentials come from KG_STORE_USER and KG_STORE_PASSWORD (HTTP
    Basic, or Digest where the store asks for it, as Virtuoso does), or KG_STORE_TOKEN,
    never from the command line.
    """
    from kg.publish import publish as run_publish

    _, out, (_, stale) = _last_build(root, out_dir)
    _warn_if_stale(stale, "publishing the last build.")
    published = run_publish(out, store, graph_prefix=graph_prefix, timeout=timeout, allow_rewrites=allow_rewrites)
    rewrites = [r for item in published for r in item.rewrites]
    if rewrites:
        click.echo(f"kg: warning: the store rewrote {len(rewrites)} literal(s), as --allow-rewrites allows:", err=True)
        for r in rewrites:
            click.echo(f"  {r}", err=True)
    for item in published:
        note = f" but for {len(item.rewrites)} allowed rewrite(s)" if item.rewrites else ""
        click.echo(f"published {item.triples:>6} triples to <{item.iri}>, read back as sent{note}")


@cli.command(
    epilog="\b\nExit codes:\n  0  searched (no match is an empty result)\n  2  an empty or too long TEXT, a bad option, no build"
)
@root_option
@out_option
@click.argument("text")
@click.option("--format", "fmt", default="text", show_default=True, help="text or json.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 200), help="Most results to show.")
def search(root, out_dir, text, fmt, limit):
    """Find entities by label or alias (case, accents, apostrophes and dashes folded; prefixes; one typo), then quotes.

    TEXT is matched as words, never as search syntax. Entities come first, then evidence quotes.
    """
    import json

    from kg.search import INDEX_FILE, SEARCH_FORMATS, check_query, render_text
    from kg.search import search as run_search

    if fmt not in SEARCH_FORMATS:
        raise KgError(f"unknown search format '{fmt}'.", "Use text or json.")
    check_query(text)
    _, out, (_, stale) = _last_build(root, out_dir)
    _warn_if_stale(stale)
    hits = run_search(out / INDEX_FILE, text, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(hits), nl=False)
        if not hits:
            click.echo(f"no match for '{text}'.", err=True)


@cli.command(
    epilog="\b\nExit codes:\n  0  explained\n  1  the triple is not in the build\n  2  an error (a term that does not parse, no build)"
)
@root_option
@out_option
@click.argument("subject")
@click.argument("predicate")
@click.argument("obj", metavar="OBJECT")
@click.option("--format", "fmt", default="text", show_default=True, help="text or json.")
def explain(root, out_dir, subject, predicate, obj, fmt):
    """Why SUBJECT PREDICATE OBJECT holds: its evidence if asserted, its proof tree down to quotes if inferred.

    Terms are prefixed names (ent:Giorgia_Meloni, a, kg:Leader), IRIs or N-Triples literals.
    """
    import json

    from kg.explain import EXPLAIN_FORMATS, Explainer, parse_term, render_text

    if fmt not in EXPLAIN_FORMATS:
        raise KgError(f"unknown explain format '{fmt}'.", "Use text or json.")
    triple = (parse_term(subject), parse_term(predicate), parse_term(obj))
    _, out, (_, stale) = _last_build(root, out_dir)
    _warn_if_stale(stale)
    explainer = Explainer(out)
    found = explainer.explain(triple)
    if fmt == "json":
        click.echo(json.dumps({**found.as_json(), "replayed": explainer.replayed}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(found, explainer), nl=False)


def main():
    cli(prog_name="kg")
