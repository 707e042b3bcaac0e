"""The draft review pages (kg serve --drafts): /drafts and /drafts/<article> through the Flask test client,
on a small article drafted in a temporary project; and kg serve's refusal of --drafts beyond loopback."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from helpers import make_project
from kg.cli import cli, is_loopback
from server.app import create_app

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}

REGISTRY = """\
@prefix kg:   <https://w3id.org/ijkg/ontology#> .
@prefix ent:  <https://w3id.org/ijkg/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ent:Italy a kg:Country ; skos:prefLabel "Italy"@en ; kg:demonym "Italian"@en .
ent:Rome a kg:City ; skos:prefLabel "Rome"@en .
ent:Giorgia_Meloni a kg:Person ; skos:prefLabel "Giorgia Meloni"@en ; skos:altLabel "Meloni"@en .
ent:Fumio_Kishida a kg:Person ; skos:prefLabel "Fumio Kishida"@en ; skos:altLabel "Kishida"@en .
ent:Prime_Minister_of_Italy a kg:LeaderOffice ; skos:prefLabel "Prime Minister of Italy"@en ;
    skos:altLabel "Italian Prime Minister"@en .
"""
ARTICLE = """\
01/14/2026 | Press release | Distributed by Public
The Italian Prime Minister Giorgia Meloni met Fumio Kishida in Rome last July.
On Monday, Hans Gruber spoke to the press.
"""
NAME = "950_00000000000000aa"
HOSTILE = "951_00000000000000bb"
HOSTILE_TEXT = 'Meloni wrote "<script>alert(1)</script> & <b>x</b>" to Kishida.\n'
HOSTILE_DRAFT = """\
@prefix kg: <https://w3id.org/ijkg/ontology#> .
@prefix ent: <https://w3id.org/ijkg/id/> .
@prefix art: <https://w3id.org/ijkg/article/> .
@prefix evd: <https://w3id.org/ijkg/evidence/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
art:951_00000000000000bb a kg:Article ; kg:fileName "951_00000000000000bb.txt" ; kg:dateMethod "<i>none</i>" .
ent:Bad a kg:Person , kg:Draft ; skos:prefLabel "<img src=x onerror=alert(2)>"@en .
evd:951-01 a kg:Evidence ;
    kg:article art:951_00000000000000bb ;
    kg:quote "Meloni wrote \\"<script>alert(1)</script> & <b>x</b>\\" to Kishida." ;
    kg:supports
        [ a kg:Draft ; rdf:subject ent:Bad ; rdf:predicate kg:said ; rdf:object <javascript:alert(3)> ] ,
        [ rdf:subject ent:Giorgia_Meloni ; rdf:predicate kg:seeAlso ; rdf:object <https://example.org/a?b=1&c=2> ] ,
        [ a kg:Draft ; rdf:subject ent:Giorgia_Meloni ; rdf:predicate kg:said ; rdf:object "<script>alert(4)</script>" ] .
"""
BROKEN = "952_00000000000000cc"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("review"),
        {"entities.ttl": REGISTRY},
        {f"{NAME}.txt": ARTICLE, f"{HOSTILE}.txt": HOSTILE_TEXT, f"{BROKEN}.txt": "Meloni spoke.\n"},
    )
    result = CliRunner().invoke(cli, ["draft", "--root", str(root), str(root / "data" / "articles" / f"{NAME}.txt")])
    assert result.exit_code == 0, result.output
    # Built before the hand-written drafts below: the build parses every draft to count its claims.
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--out", str(root.parent / "review-out")])
    assert result.exit_code == 0, result.output
    claims = root / "data" / "claims"
    (claims / f"{HOSTILE}.draft.ttl").write_text(HOSTILE_DRAFT, encoding="utf-8")
    (claims / f"{BROKEN}.draft.ttl").write_text(
        "@prefix kg: <https://w3id.org/ijkg/ontology#> .\n\nkg:a kg:b kg:c .\nkg:a kg:b schema:c .\n", encoding="utf-8"
    )
    return root


def make_app(project, **config):
    return create_app({"ROOT": str(project), "OUT": str(project.parent / "review-out"), "CACHE_ENTRIES": 16, **config})


@pytest.fixture(scope="module")
def client(project):
    app = make_app(project, DRAFTS=True)
    yield app.test_client()
    app.extensions["kg_engine"].close()


class Marks(HTMLParser):
    """The marked sentences of a draft page: each with its mentions, dates and claims as text."""

    def __init__(self, html: str):
        super().__init__()
        self.sentences: dict[str, dict] = {}
        self.stack: list[tuple[str, dict]] = []
        self.current = None
        self.claims: dict[str, list[str]] = {}
        self.section = None
        self.claim = None
        self.hrefs: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "mark" and "draft-sentence" in (a.get("class") or ""):
            self.current = {"text": "", "linked": [], "proposed": [], "dates": []}
            self.sentences[a["id"]] = self.current
        elif self.current is not None and tag in ("span", "time"):
            self.stack.append((tag, a, len(self.current["text"])))
        if tag == "section" and "draft-claims" in (a.get("class") or ""):
            self.section = []
        if tag == "li" and self.section is not None:
            self.claim = ""
        if tag == "br" and self.claim is not None:
            self.claim += " "
        if tag == "a" and self.section is not None and self.claim is None and a.get("href", "").startswith("#s-"):
            self.claims[a["href"][1:]] = self.section

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"] += data
        if self.claim is not None:
            self.claim += data

    def handle_endtag(self, tag):
        if self.current is not None and tag in ("span", "time") and self.stack:
            _, a, at = self.stack.pop()
            text = self.current["text"][at:]
            if tag == "time":
                self.current["dates"].append((text, a.get("datetime"), a.get("title")))
            else:
                kind = "linked" if "linked" in a["class"] else "proposed"
                self.current[kind].append((text, a["title"]))
        if tag == "mark":
            self.current = None
        if tag == "li" and self.claim is not None:
            self.section.append(" ".join(self.claim.split()))
            self.claim = None
        if tag == "section":
            self.section = None


def test_without_the_flag_the_draft_routes_are_404(project):
    app = make_app(project)
    try:
        c = app.test_client()
        for path in ("/drafts", f"/drafts/{NAME}"):
            assert c.get(path, headers=BROWSER).status_code == 404
        assert "/drafts" not in c.get("/", headers=BROWSER).get_data(as_text=True)
    finally:
        app.extensions["kg_engine"].close()


def test_the_list_names_every_draft_file_with_its_counts_or_its_error(client):
    response = client.get("/drafts", headers=BROWSER)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    rows = re.findall(r"<tr><th scope=\"row\"><a href=\"/drafts/(\w+)\">.*?</tr>", html, flags=re.S)
    assert rows == [NAME, HOSTILE, BROKEN]
    row = re.search(rf'<a href="/drafts/{NAME}">.*?</tr>', html, flags=re.S).group(0)
    assert f"<code>data/claims/{NAME}.draft.ttl</code>" in row
    assert re.findall(r'<td class="num">(\d+)</td>', row) == ["8", "0"]
    broken = re.search(rf'<a href="/drafts/{BROKEN}">.*?</tr>', html, flags=re.S).group(0)
    assert "does not parse:" in broken and "line 4" in broken
    assert '<a href="/drafts">Drafts</a>' in html  # the menu links the list


def test_the_draft_page_marks_mentions_dates_and_claims(client):
    response = client.get(f"/drafts/{NAME}", headers=BROWSER)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = Marks(response.get_data(as_text=True))
    assert list(page.sentences) == ["s-950-01", "s-950-02"]
    first, second = page.sentences["s-950-01"], page.sentences["s-950-02"]
    assert first["text"] == "The Italian Prime Minister Giorgia Meloni met Fumio Kishida in Rome last July."
    assert [t for t, _ in first["linked"]] == ["Italian Prime Minister", "Giorgia Meloni", "Fumio Kishida", "Rome"]
    assert first["linked"][1][1] == "Giorgia Meloni (registry entity, label)"
    assert first["proposed"] == []
    assert first["dates"] == [("last July", "2025-07", "2025-07 (month)")]
    assert second["text"] == "On Monday, Hans Gruber spoke to the press."
    assert second["linked"] == []
    assert second["proposed"] == [("Hans Gruber", "Hans Gruber (proposed in this draft, label)")]
    assert second["dates"] == [("On Monday", "2026-01-12", "2026-01-12 (day)")]
    meeting = "ent:Meeting_2025-07_Meloni_Kishida"  # what the draft proposes, by its name in the file
    assert page.claims["s-950-01"] == [
        "Giorgia Meloni — kg:heldOffice — Prime Minister of Italy kg:pointInTime 2025-07 xsd:gYearMonth "
        "kg:resolvedFrom last July",
        f"{meeting} — kg:date — 2025-07 xsd:gYearMonth kg:resolvedFrom last July",
        f"{meeting} — kg:location — Rome",
        f"{meeting} — kg:participant — Fumio Kishida",
        f"{meeting} — kg:participant — Giorgia Meloni",
        f"{meeting} — kg:status — kg:Happened",
        "art:950_00000000000000aa — kg:mentions — Italy",  # named inside "Italian Prime Minister"
    ]
    assert page.claims["s-950-02"] == ["art:950_00000000000000aa — kg:mentions — ent:Hans_Gruber"]
    # Registry entities and vocabulary terms link; what the draft proposes, and its article, do not.
    assert {"/id/Giorgia_Meloni", "/id/Rome", "/ontology#participant"} <= set(page.hrefs)
    assert not [h for h in page.hrefs if "Hans_Gruber" in h or "Meeting_2025" in h or h.startswith("/article/")]


def test_the_page_reads_the_file_at_each_request(client, project):
    path = project / "data" / "claims" / f"{NAME}.draft.ttl"
    before = path.read_text(encoding="utf-8")
    try:
        # The steward accepts the office claim: its `a kg:Draft` goes.
        path.write_text(
            before.replace(
                "[ a kg:Draft ; rdf:subject ent:Giorgia_Meloni ; rdf:predicate kg:heldOffice",
                "[ rdf:subject ent:Giorgia_Meloni ; rdf:predicate kg:heldOffice",
            ),
            encoding="utf-8",
        )
        html = client.get(f"/drafts/{NAME}", headers=BROWSER).get_data(as_text=True)
        assert "7 still typed <code>kg:Draft</code>, 1 accepted" in html
        assert '<li class="claim accepted">' in html
    finally:
        path.write_text(before, encoding="utf-8")
    assert "8 still typed" in client.get(f"/drafts/{NAME}", headers=BROWSER).get_data(as_text=True)


def test_a_draft_that_does_not_parse_names_its_file_and_line(client):
    response = client.get(f"/drafts/{BROKEN}", headers=BROWSER)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert f"{BROKEN}.draft.ttl: line 4: Prefix" in html and "not bound" in html
    assert "Traceback" not in html
    as_json = client.get(f"/drafts/{BROKEN}", headers={"Accept": "application/json"})
    assert as_json.status_code == 422 and "line 4" in as_json.get_json()["error"]


def test_an_unknown_draft_is_404(client):
    assert client.get("/drafts/nothing_here", headers=BROWSER).status_code == 404
    assert client.get("/drafts/..%2Fentities", headers=BROWSER).status_code == 404


def test_everything_from_the_files_is_escaped_and_only_http_iris_link(client):
    response = client.get(f"/drafts/{HOSTILE}", headers=BROWSER)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<script>" not in html and "<img" not in html and "<b>x" not in html and "<i>none" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html and "&lt;i&gt;none&lt;/i&gt;" in html
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in html
    page = Marks(html)
    assert "javascript:alert(3)" in html and not [h for h in page.hrefs if h.lower().startswith("javascript")]
    assert "https://example.org/a?b=1&c=2" in page.hrefs  # an http(s) IRI is a link (escaped in the HTML)
    # Only the names the sentence's claims use are marked: no claim names Kishida.
    assert [t for t, _ in page.sentences["s-951-01"]["linked"]] == ["Meloni"]


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_serve_refuses_drafts_beyond_loopback(host, tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--drafts", "--host", host, "--root", str(tmp_path)])
    assert result.exit_code == 2
    assert f"--drafts serves unreviewed drafts and is local only, but --host {host} is not a loopback address" in (
        result.output
    )
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 2


@pytest.mark.parametrize(
    "host, loopback",
    [("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True), ("localhost", True), ("0.0.0.0", False)],
)
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("remote", "host"),
    [
        ("192.168.1.10", "127.0.0.1:8000"),  # another machine
        ("127.0.0.1", "drafts.example.org:8000"),  # this machine, reached through a DNS name (rebinding)
    ],
)
def test_drafts_answer_only_this_machine_by_its_own_name(client, remote, host):
    response = client.get("/drafts", environ_base={"REMOTE_ADDR": remote}, headers={"Host": host})
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000"])
def test_drafts_have_no_cors_headers_for_other_pages_to_read_them(client, host):
    response = client.get("/drafts", environ_base={"REMOTE_ADDR": "127.0.0.1"}, headers={"Host": host})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers
    assert client.get("/sparql?query=ASK%7B%7D").headers.get("Access-Control-Allow-Origin") == "*"


def test_serve_binds_localhost_as_an_address_and_refuses_a_host_name(monkeypatch, tmp_path):
    from kg import cli as cli_module

    assert cli_module._bind_address("localhost") == "127.0.0.1"
    assert cli_module._bind_address("[::1]") == "::1"
    result = CliRunner().invoke(cli, ["serve", "--host", "example.org", "--root", str(tmp_path)])
    assert result.exit_code == 2 and "--host example.org is not an IP address" in result.output
    assert "Traceback" not in result.output


def test_claims_of_a_quote_shown_once_all_appear_beside_it():
    """A quote found twice (or inside another) is shown once; the claims of both go with it."""
    from kg.review import Claim, ReviewSentence, _chunks

    text = "Meloni met Kishida. Then they had lunch."
    a = Claim("ent:Meeting", "kg:participant", "ent:Giorgia_Meloni", (), True)
    b = Claim("ent:Meeting", "kg:participant", "ent:Fumio_Kishida", (), True)
    first = ReviewSentence("evd:951-01", "Meloni met Kishida.", 0, [], [a])
    again = ReviewSentence("evd:951-02", "Meloni met Kishida.", 0, [], [b])
    inside = ReviewSentence("evd:951-03", "met Kishida.", 7, [], [a])
    chunks = _chunks(text, [first, again, inside])
    shown = [s for _, s in chunks if s is not None]
    assert len(shown) == 1 and shown[0].claims == [a, b]
    assert first.claims == [a] and again.claims == [b]  # the sentences as read are left alone (the counts use them)
    assert [t for t, s in chunks if s is None] == [" Then they had lunch."]
