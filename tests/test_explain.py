"""Explanations: exact proofs of a few facts, a check of every inferred triple's proof, the command and the page."""

from __future__ import annotations

import html
import json
import re

import pytest
from click.testing import CliRunner

from helpers import ROOT
from kg.cli import cli
from kg.explain import SCHEMA_PREDICATES, SCO, SPO, SVF, THING, TRANSITIVE, TYPE, Explainer, parse_term
from server.app import create_app

ENT, KG = "https://w3id.org/ijkg/id/", "https://w3id.org/ijkg/ontology#"


@pytest.fixture(scope="module")
def ex(build_dir):
    return Explainer(build_dir)


def t(*terms):
    return tuple(parse_term(x) for x in terms)


def shape(e, x):
    """A proof as nested (triple, rule) pairs in prefixed names, for exact comparison."""
    return (x.show(e.triple), e.rule, [shape(p, x) for p in e.premises])


def test_meloni_is_a_leader_because_she_holds_the_office_of_prime_minister(ex):
    e = ex.explain(t("ent:Giorgia_Meloni", "a", "kg:Leader"))
    r = "(kg:heldOffice some kg:LeaderOffice)"
    assert shape(e, ex) == (
        "ent:Giorgia_Meloni a kg:Leader",
        "cax-sco",
        [
            (f"{r} rdfs:subClassOf kg:Leader", None, []),
            (
                f"ent:Giorgia_Meloni a {r}",
                "cls-svf1",
                [
                    (f"{r} owl:someValuesFrom kg:LeaderOffice", None, []),
                    (f"{r} owl:onProperty kg:heldOffice", None, []),
                    ("ent:Giorgia_Meloni kg:heldOffice ent:Prime_Minister_of_Italy", None, []),
                    ("ent:Prime_Minister_of_Italy a kg:LeaderOffice", None, []),
                ],
            ),
        ],
    )
    held = e.premises[1].premises[2]
    assert held.asserted and held.graph == "asserted"
    assert {
        "article": "https://w3id.org/ijkg/article/000_a4b397bc01061804",
        "quote": "The President of the Council Giorgia Meloni welcomed the prime minister Fumio Kishida at Palazzo Chigi.",
        "evidence": "https://w3id.org/ijkg/evidence/000-06",
    } in held.evidence
    assert e.premises[0].graph == "ontology"


def test_a_statement_is_located_in_italy_through_the_meeting_it_was_made_during(ex):
    # The press statements were made during the meeting at Palazzo Chigi (000), which is in Rome, which is in Italy.
    e = ex.explain(t("ent:Press_Statements_2023-01-10_Meloni", "kg:location", "ent:Italy"))
    chain = "kg:location owl:propertyChainAxiom (kg:location kg:locatedIn)"
    assert shape(e, ex) == (
        "ent:Press_Statements_2023-01-10_Meloni kg:location ent:Italy",
        "prp-spo2",
        [
            (chain, None, []),
            (
                "ent:Press_Statements_2023-01-10_Meloni kg:location ent:Rome",
                "prp-spo2",
                [
                    (chain, None, []),
                    (
                        "ent:Press_Statements_2023-01-10_Meloni kg:location ent:Palazzo_Chigi",
                        "prp-spo2",
                        [
                            ("kg:location owl:propertyChainAxiom (kg:during kg:location)", None, []),
                            (
                                "ent:Press_Statements_2023-01-10_Meloni kg:during ent:Meeting_2023-01-10_Meloni_Kishida",
                                None,
                                [],
                            ),
                            ("ent:Meeting_2023-01-10_Meloni_Kishida kg:location ent:Palazzo_Chigi", None, []),
                        ],
                    ),
                    ("ent:Palazzo_Chigi kg:locatedIn ent:Rome", None, []),
                ],
            ),
            ("ent:Rome kg:locatedIn ent:Italy", None, []),
        ],
    )
    assert e.axiom == chain
    during = e.premises[1].premises[1].premises[1]
    assert during.asserted and any(ev["article"].endswith("000_a4b397bc01061804") for ev in during.evidence)


def test_italy_is_bound_by_the_epa_as_a_member_of_the_eu(ex):
    e = ex.explain(t("ent:Italy", "kg:boundBy", "ent:EU-Japan_Economic_Partnership_Agreement"))
    assert shape(e, ex) == (
        "ent:Italy kg:boundBy ent:EU-Japan_Economic_Partnership_Agreement",
        "prp-spo2",
        [
            ("kg:boundBy owl:propertyChainAxiom (kg:memberOf kg:partyTo)", None, []),
            ("ent:Italy kg:memberOf ent:European_Union", None, []),
            (
                "ent:European_Union kg:partyTo ent:EU-Japan_Economic_Partnership_Agreement",
                "prp-inv2",
                [
                    ("kg:party owl:inverseOf kg:partyTo", None, []),
                    ("ent:EU-Japan_Economic_Partnership_Agreement kg:party ent:European_Union", None, []),
                ],
            ),
        ],
    )
    assert all(leaf.evidence for leaf in e.leaves() if leaf.graph == "asserted")


def test_an_asserted_fact_is_explained_by_its_own_evidence(ex):
    e = ex.explain(t("ent:Rome", "kg:locatedIn", "ent:Italy"))
    assert e.asserted and e.rule is None and e.premises == []
    assert e.evidence and all(
        ev["quote"] and ev["article"].startswith("https://w3id.org/ijkg/article/") for ev in e.evidence
    )


def apply(rule: str, premises: list, x: Explainer) -> set:
    """What ``rule`` concludes from ``premises``: the OWL 2 RL rule tables, forwards, written independently."""
    ps = set(premises)
    out = set()
    for s, p, o in ps:
        for s2, p2, o2 in ps:
            if rule == "cax-sco" and p == SCO and p2 == TYPE and o2 == s:
                out.add((s2, TYPE, o))
            if rule in ("prp-spo1",) and p == SPO and p2 == s:
                out.add((s2, o, o2))
            if rule == "prp-trp" and p == p2 and o == s2 and (p, TYPE, TRANSITIVE) in ps:
                out.add((s, p, o2))
            if rule in ("scm-sco", "scm-spo") and p == p2 and o == s2:
                out.add((s, p, o2))
            if rule == "prp-dom" and p.endswith("#domain>") and p2 == s:
                out.add((s2, TYPE, o))
            if rule == "prp-rng" and p.endswith("#range>") and p2 == s:
                out.add((o2, TYPE, o))
            if rule in ("prp-inv1", "prp-inv2") and p.endswith("#inverseOf>") and p2 in (s, o):
                out.add((o2, o if p2 == s else s, s2))
            if rule == "prp-symp" and o.endswith("#SymmetricProperty>") and p2 == s:
                out.add((o2, p2, s2))
    if rule in ("cls-svf1", "cls-svf2"):
        r = next(s for s, p, o in ps if p == SVF)
        filler = x.objects(r, SVF)[0]
        for s, p, o in ps:
            if p != TYPE and p not in (SVF,) and (filler == THING or (o, TYPE, filler) in ps):
                out.add((s, TYPE, r))
    if rule == "prp-spo2":
        (q, _, head), *path = premises
        chain = x.items(head)
        assert [p for _, p, _ in path] == chain and all(path[i][2] == path[i + 1][0] for i in range(len(path) - 1))
        out.add((path[0][0], q, path[-1][2]))
    return out


def test_every_inferred_triple_has_a_valid_proof_that_ends_in_asserted_triples(ex):
    rules = set()
    for triple in sorted(ex.inferred):
        e = ex.explain(triple)
        stack = [e]
        while stack:
            n = stack.pop()
            if n.asserted:
                assert n.triple in ex.asserted or n.triple in ex.ontology
                continue
            assert n.premises, ex.show(n.triple)
            assert n.rule and n.rule != "owl-rl", ex.show(n.triple)
            rules.add(n.rule)
            for p in n.premises:
                assert p.triple in ex.all or any(term.startswith("_:") for term in p.triple) or p.triple[2] == THING
            if n.rule in {
                "cax-sco",
                "prp-spo1",
                "prp-spo2",
                "prp-trp",
                "prp-dom",
                "prp-rng",
                "prp-inv1",
                "prp-inv2",
                "prp-symp",
                "cls-svf1",
                "cls-svf2",
                "scm-sco",
                "scm-spo",
            }:
                assert n.triple in apply(n.rule, [p.triple for p in n.premises], ex), (n.rule, ex.show(n.triple))
            # The rules reasoner's order: every ranked premise was derived before its conclusion.
            if n.triple in ex.rank and n.triple[1] not in SCHEMA_PREDICATES:
                for p in n.premises:
                    if p.triple not in ex.asserted and p.triple not in ex.ontology:
                        assert ex.rank.get(p.triple, -1) < ex.rank[n.triple]
            stack.extend(n.premises)
    assert {"cax-sco", "prp-spo1", "prp-spo2", "prp-inv2", "cls-svf1", "kg-mentions"} <= rules


def test_the_build_records_the_derivation_order(build_dir, ex):
    assert ex.rank and not ex.replayed
    assert set(ex.rank) <= ex.inferred
    manifest = json.loads((build_dir / "build.json").read_text())
    assert manifest["reasoner"] == "rules"


# --- the command ---------------------------------------------------------------------------------


def run(build_dir, *args):
    return CliRunner().invoke(cli, ["explain", "--root", str(ROOT), "--out", str(build_dir), *args])


def test_kg_explain_json_and_text(build_dir, ex):
    r = run(build_dir, "ent:Giorgia_Meloni", "a", "kg:Leader", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["triple"] == [f"<{ENT}Giorgia_Meloni>", TYPE, f"<{KG}Leader>"]
    assert data["asserted"] is False and data["rule"] == "cax-sco" and data["replayed"] is False
    assert set(data) >= {"triple", "asserted", "rule", "axiom", "premises", "evidence"}
    r = run(build_dir, f"{ENT}Rome", "<https://w3id.org/ijkg/ontology#locatedIn>", "ent:Italy")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("ent:Rome kg:locatedIn ent:Italy   [asserted]\n  “")


def test_kg_explain_exit_codes(build_dir):
    r = run(build_dir, "ent:Italy", "a", "kg:Leader")
    assert r.exit_code == 1 and "the build does not hold ent:Italy a kg:Leader" in r.output
    r = run(build_dir, "nope:x", "a", "kg:Leader")
    assert r.exit_code == 2 and "is not a term" in r.output and "Traceback" not in r.output
    r = run(build_dir, "ent:Italy", "rdfs:label", '"Italy')
    assert r.exit_code == 2 and "not an N-Triples literal" in r.output
    r = run(build_dir, "ent:Italy", "skos:prefLabel", '"Italy"@en')
    assert r.exit_code == 0, r.output


# --- the page ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(build_dir):
    app = create_app({"ROOT": str(ROOT), "OUT": str(build_dir), "CACHE_ENTRIES": 0})
    yield app.test_client()
    app.extensions["kg_engine"].close()


def test_entity_page_links_every_inferred_fact_to_its_proof(client):
    page = client.get("/id/Giorgia_Meloni", headers={"Accept": "text/html"}).get_data(as_text=True)
    links = [html.unescape(h) for h in re.findall(r'href="(/why\?[^"]*)"', page)]
    assert len(links) == page.count('class="badge"')  # one per inferred fact or type
    leader = [h for h in links if "Leader%3E" in h and "type" in h]
    assert leader
    proof = client.get(leader[0], headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "cax-sco" in proof and "cls-svf1" in proof
    assert (
        "<mark>The President of the Council Giorgia Meloni welcomed the prime minister Fumio Kishida at Palazzo Chigi.</mark>"
        in proof
    )
    assert 'href="/articles/000_a4b397bc01061804#q-000-06"' in proof
    for h in links:
        assert client.get(h, headers={"Accept": "text/html"}).status_code == 200, h


def test_why_page_errors(client):
    assert client.get("/why?s=ent:Italy&p=a&o=kg:Leader", headers={"Accept": "application/json"}).status_code == 404
    r = client.get("/why?s=nope:x&p=a&o=kg:Leader", headers={"Accept": "application/json"})
    assert r.status_code == 400 and "is not a term" in r.get_json()["error"]


def test_why_refuses_a_long_term_without_echoing_it(client):
    long = "ent:" + "x" * 5000
    r = client.get(f"/why?s={long}&p=a&o=kg:Leader", headers={"Accept": "application/json"})
    assert r.status_code == 400 and "longer than 2000 characters" in r.get_json()["error"]
    assert "x" * 100 not in r.get_data(as_text=True)
