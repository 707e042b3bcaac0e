"""The draft review pages, served only by ``kg serve --drafts`` (on loopback): ``/drafts`` and
``/drafts/<article>``.

Each request reads the draft file as it is now (:func:`kg.review.read_review`), so a
steward who edits the file sees the change on reload; nothing here is cached. The pages
show the article with the names, dates and sentences the draft proposes claims for, and
beside each sentence its claims. A draft file that does not parse gives a page naming
the file and line (422), never a trace.
"""

from __future__ import annotations

import ipaddress

from flask import Blueprint, Response, abort, current_app, render_template, request
from rdflib import BNode, Literal

from kg.draft import ENT
from kg.errors import LoadError
from kg.namespaces import KG
from kg.review import Review, draft_files, list_drafts, pieces, read_review
from server.graphdata import BASE, href, short

bp = Blueprint("drafts", __name__)


def show(term, review: Review) -> dict:
    """How a claim's term is shown: its text, its title, its CSS class, and a link only for an http(s)
    IRI that the build serves or that is not the project's (never for what the draft only proposes)."""
    if isinstance(term, Literal):
        dtype = short(str(term.datatype)) if term.datatype else (f"@{term.language}" if term.language else "")
        return {"text": str(term), "title": dtype, "cls": "literal", "url": None, "dtype": dtype}
    if isinstance(term, BNode):
        return {"text": f"_:{term}", "title": "", "cls": "bnode", "url": None, "dtype": ""}
    iri = str(term)
    name = short(iri)
    label = review.labels.get(iri)
    if iri in review.proposed:
        # By the name the file gives it, which the steward edits (event labels are long descriptions).
        title = f"{label + ', ' if label else ''}proposed in this draft"
        return {"text": name, "title": title, "cls": "proposed", "url": None}
    if iri.startswith(ENT) and iri not in review.known:
        title = f"{name}: not in the registry, and not proposed in this draft"
        return {"text": label or name, "title": title, "cls": "unknown", "url": None}
    cls = "linked" if iri.startswith(ENT) else "term"
    # The build serves the registry and the vocabulary; the draft's own article is not in it yet.
    served = iri in review.known or iri.startswith(str(KG)) or not iri.startswith(BASE)
    return {"text": label or name, "title": name, "cls": cls, "url": href(iri) if served else None}


def _loopback(host: str) -> bool:
    """Whether ``host`` (an address, or a Host header with its port) names this machine."""
    name = host.strip()
    if name.startswith("["):  # [::1]:8000
        name = name[1:].split("]", 1)[0]
    elif name.count(":") == 1:  # 127.0.0.1:8000, localhost:8000
        name = name.split(":", 1)[0]
    if name.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@bp.before_request
def local_only():
    """Drafts are unreviewed: answer only a client on this machine that names this machine.

    Binding to loopback keeps other machines out; checking the Host header as well keeps out
    a page in the steward's own browser that reaches the server through a DNS name pointing at
    127.0.0.1 (DNS rebinding).
    """
    if not (_loopback(request.remote_addr or "") and _loopback(request.host or "")):
        abort(403, description="the draft pages answer only this machine, at 127.0.0.1 or localhost.")


@bp.after_request
def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"  # the file may change between two loads
    return response


@bp.get("/drafts")
def draft_list():
    return render_template("drafts.html", drafts=list_drafts(current_app.extensions["kg_project"]))


@bp.get("/drafts/<name>")
def draft_page(name: str):
    project = current_app.extensions["kg_project"]
    if name not in draft_files(project):
        abort(404, description=f"no draft for article '{name}'; the list is on /drafts.")
    try:
        review = read_review(project, name)
    except LoadError as err:
        abort(422, description=f"{err.message} {err.hint or ''}".strip())
    return render_template("draft.html", r=review, pieces=pieces, show=show)
