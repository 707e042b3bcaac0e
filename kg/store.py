"""The client of an external SPARQL store, shared by ``kg publish`` and ``kg serve --store``.

It speaks two protocols over HTTP(S): the SPARQL 1.1 Graph Store Protocol, to put a
named graph and read it back (:func:`gsp_request`), and the SPARQL 1.1 Protocol, to
ask a query (:func:`sparql_query`), bounded in time and size and never following a
redirect. :func:`check_store` says whether a store holds the published graphs.

Credentials come from the environment only: ``KG_STORE_USER`` and
``KG_STORE_PASSWORD`` (HTTP Basic, or HTTP Digest where the store asks for it, as
Virtuoso's ``/sparql-graph-crud-auth`` does) or ``KG_STORE_TOKEN`` (Bearer). They are
never printed, and a URL carrying credentials is refused.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from kg.errors import KgError


class StoreError(KgError):
    """The external store cannot be used: unreachable, refusing, or without the published graphs."""

    exit_code = 2


class StoreQueryError(KgError):
    """A query the store did not answer; ``status`` is the HTTP status an endpoint passes it on with.

    400 the store refused the query, 413 the answer is too large, 502 the store failed or
    could not be reached, 503 it did not answer in time.
    """

    def __init__(self, status: int, message: str, hint: str | None = None):
        super().__init__(message, hint)
        self.status = status


def auth_header() -> dict[str, str]:
    """The pre-emptive Authorization header for the store, from KG_STORE_TOKEN or KG_STORE_USER/KG_STORE_PASSWORD."""
    token = os.environ.get("KG_STORE_TOKEN")
    if token:
        return {"Authorization": f"Bearer {token}"}
    user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
    if user is not None:
        raw = f"{user}:{password or ''}".encode()
        return {"Authorization": "Basic " + base64.b64encode(raw).decode("ascii")}
    return {}


class _Digest(urllib.request.AbstractDigestAuthHandler):
    """The standard library's HTTP Digest computation, called directly.

    urllib's own handler answers a 401 by sending the request again, body and all, but
    Virtuoso closes the connection on a 401 before reading a large body. So the client
    asks for the challenge with a bodiless request first (:func:`_challenge`) and signs
    every request from then on.
    """

    def __init__(self, url: str, user: str, password: str, challenge: dict):
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, user, password)
        super().__init__(manager)
        self.challenge = challenge
        # The nonce count goes up with each signature; the threads of kg serve share one signer.
        self.lock = threading.Lock()

    def header(self, request: urllib.request.Request) -> str:
        try:
            with self.lock:
                value = self.get_authorization(request, self.challenge)
        except (ValueError, urllib.error.URLError):  # an algorithm or a qop the standard library does not compute
            value = None
        if value is None:
            raise StoreError(
                f"the store asks for HTTP Digest with algorithm {self.challenge.get('algorithm', 'MD5')} "
                f"and qop {self.challenge.get('qop', 'auth')}, which kg does not speak.",
                "Configure the store for MD5 Digest with qop auth, or Basic authentication over HTTPS.",
            )
        return "Digest " + value


#: (endpoint, user, password) -> the Digest signer for that endpoint, once it has asked for Digest.
_DIGESTS: dict[tuple, _Digest] = {}


def _origin(url: str) -> tuple:
    """The key of a Digest signer: the endpoint (the URL without its query) and the credentials in the environment.

    Per endpoint, not per host: Virtuoso's challenge covers /sparql-graph-crud-auth only.
    """
    parts = urllib.parse.urlsplit(url)
    endpoint = f"{parts.scheme}://{parts.netloc}{parts.path}"
    return endpoint, os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")


def _parse_challenge(header: str) -> tuple[str, dict]:
    """``(scheme, parameters)`` of a WWW-Authenticate header (its first challenge)."""
    scheme, _, rest = header.strip().partition(" ")
    return scheme.lower(), urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))


#: Graph Store endpoints (by origin) whose scheme this process has learnt to be Basic, or no challenge at all.
_BASIC: set[tuple] = set()


def _challenge(url: str, timeout: float, shown: str, error) -> None:
    """Learn how the store at ``url`` authenticates, with a bodiless GET of a graph that does not exist.

    Only when KG_STORE_USER is set and no scheme is known for the store yet, so once per store and
    process: a Digest challenge is remembered for the store's origin in ``_DIGESTS``; any other
    answer leaves the pre-emptive Basic header in use and is remembered in ``_BASIC``. A store that
    cannot be reached is not remembered.
    """
    user = os.environ.get("KG_STORE_USER")
    if user is None or os.environ.get("KG_STORE_TOKEN") or _origin(url) in _DIGESTS or _origin(url) in _BASIC:
        return
    probe = url.split("?", 1)[0] + "?" + urllib.parse.urlencode({"graph": "urn:x-kg:authentication-probe"})
    try:
        with _OPENER.open(urllib.request.Request(probe, method="GET"), timeout=timeout) as resp:
            resp.read()
        _BASIC.add(_origin(url))
        return
    except urllib.error.HTTPError as err:
        err.read()
        header = err.headers.get("WWW-Authenticate") if err.code == 401 else None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise error(
            f"the store at {shown} could not be reached ({reason}).",
            "Start the store or check the URL (the Graph Store Protocol endpoint), then publish again.",
        ) from None
    if not header:
        _BASIC.add(_origin(url))
        return
    scheme, params = _parse_challenge(header)
    if scheme == "digest":
        _DIGESTS[_origin(url)] = _Digest(url, user, os.environ.get("KG_STORE_PASSWORD") or "", params)
    elif scheme == "basic":
        _BASIC.add(_origin(url))
    else:
        raise error(
            f"the store at {shown} asks for {scheme.capitalize()} authentication (401), which kg does not speak.",
            "kg speaks Basic and Digest (KG_STORE_USER, KG_STORE_PASSWORD) and Bearer tokens (KG_STORE_TOKEN).",
        )


def _authorize(request: urllib.request.Request) -> None:
    digest = _DIGESTS.get(_origin(request.full_url))
    if digest is not None and not os.environ.get("KG_STORE_TOKEN"):
        request.add_unredirected_header("Authorization", digest.header(request))
        return
    for name, value in auth_header().items():
        request.add_unredirected_header(name, value)


def check_store_url(store: str, error: type[KgError] = StoreError, what: str = "SPARQL query endpoint URL") -> str:
    """``store`` if it is an http(s) URL without credentials in it; else ``error`` with the next step."""
    parts = urllib.parse.urlsplit(store)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise error(f"'{store}' is not an http(s) URL.", f"Give the store's {what}.")
    if parts.username or parts.password:
        raise error(
            "the store URL carries credentials.",
            "Put them in KG_STORE_USER and KG_STORE_PASSWORD (or KG_STORE_TOKEN) instead, so they stay out of logs.",
        )
    return store


def gsp_request(
    method: str, url: str, *, data: bytes | None, headers: dict, timeout: float, shown: str, error=StoreError
) -> tuple[int, bytes, str]:
    """One Graph Store Protocol request; ``error`` (a :class:`KgError` class) says what went wrong.

    Returns the status, the body and its media type. With KG_STORE_USER set, the first request to a store
    learns its authentication scheme (Basic or Digest) with a bodiless probe.
    """
    _challenge(url, timeout, shown, error)
    for attempt in (1, 2):
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        _authorize(req)
        try:
            with _OPENER.open(req, timeout=timeout) as resp:
                return resp.status, resp.read(), resp.headers.get_content_type()
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read(300).decode("utf-8", "replace").split())
            challenge = err.headers.get("WWW-Authenticate", "") if err.code == 401 else ""
            scheme, params = _parse_challenge(challenge) if challenge else ("", {})
            digest = _DIGESTS.get(_origin(url))
            if attempt == 1 and scheme == "digest" and digest is not None and params.get("stale", "").lower() == "true":
                digest.challenge = params  # the nonce expired: sign again with the new one
                continue
            if err.code == 401 and scheme and scheme not in ("basic", "digest", "bearer"):
                raise error(
                    f"the store answered 401 to {method} for {shown} and asks for {scheme.capitalize()} "
                    "authentication, which kg does not speak.",
                    "kg speaks Basic and Digest (KG_STORE_USER, KG_STORE_PASSWORD) and Bearer tokens (KG_STORE_TOKEN).",
                ) from None
            hint = (
                "Check the credentials (KG_STORE_USER, KG_STORE_PASSWORD or KG_STORE_TOKEN)"
                + (
                    " and that the user may write (Virtuoso: use /sparql-graph-crud-auth as a user with the "
                    "SPARQL_UPDATE role)."
                    if err.code == 403
                    else "."
                )
                if err.code in (401, 403)
                else "Check the store URL: it must be the Graph Store Protocol endpoint."
            )
            raise error(
                f"the store answered {err.code} {err.reason} to {method} for {shown}: {detail or '(no body)'}", hint
            ) from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise error(
                f"the store at {shown} could not be reached ({reason}).",
                "Start the store or check the URL (the Graph Store Protocol endpoint), then publish again.",
            ) from None
    raise AssertionError("unreachable")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def sparql_query(
    url: str, query: str, *, accept: str, params: list[tuple[str, str]], timeout: float, max_bytes: int
) -> tuple[str, bytes]:
    """POST ``query`` to the store's SPARQL endpoint as a form; return the media type and body of its answer.

    ``params`` are protocol parameters (``default-graph-uri``, ``named-graph-uri``) sent in
    the form with the query. A form POST (``application/x-www-form-urlencoded``) is the
    request every store answers: Virtuoso's ``/sparql`` never answers a POST with
    ``Content-Type: application/sparql-query``, and a GET would put long queries in the
    URL. An endpoint that asks for HTTP Digest (Virtuoso's ``/sparql-auth``) is answered
    with Digest from then on. The answer must come within ``timeout`` seconds, fit in
    ``max_bytes`` and be whole (Virtuoso cuts an answer at its ``ResultSetMaxRows`` and
    says so only in an ``X-SPARQL-MaxRows`` header; an answer stopped at its own time limit is
    partial too, 206 or ``X-SQL-State: S1TAT``); otherwise, or when the store refuses
    or fails, :class:`StoreQueryError` says which.
    """
    form = urllib.parse.urlencode([("query", query), *params]).encode("ascii")
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
    late = f"the store did not answer within the {timeout:g} s limit; narrow the query or add a LIMIT."
    deadline = time.monotonic() + timeout
    _probe_query_endpoint(url, timeout)
    for attempt in (1, 2):
        request = urllib.request.Request(url, data=form, method="POST", headers=headers)
        _authorize(request)
        try:
            with _OPENER.open(request, timeout=max(deadline - time.monotonic(), 0.1)) as response:
                # Virtuoso answers a query stopped at its own time limit with what it had (206, or
                # X-SQL-State S1TAT "anytime query"): a partial answer is not served as whole.
                if response.status == 206 or (response.headers.get("X-SQL-State") or "").upper() == "S1TAT":
                    raise StoreQueryError(
                        503,
                        "the store stopped the query at its own time limit and sent a partial answer; "
                        "narrow the query or add a LIMIT.",
                    )
                cut = response.headers.get("X-SPARQL-MaxRows")
                if cut:
                    raise StoreQueryError(
                        413,
                        f"the store cut the answer at {cut} rows (Virtuoso's ResultSetMaxRows); add a LIMIT, "
                        "or raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini.",
                    )
                parts, size = [], 0
                while True:
                    if time.monotonic() > deadline:
                        raise StoreQueryError(503, late)
                    chunk = response.read(65536)
                    if not chunk:
                        return response.headers.get_content_type(), b"".join(parts)
                    size += len(chunk)
                    if size > max_bytes:
                        raise StoreQueryError(
                            413, f"the result is larger than {max_bytes} bytes; add a LIMIT or narrow the query."
                        )
                    parts.append(chunk)
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read(400).decode("utf-8", "replace").split())
            if err.code == 401 and attempt == 1 and _learn_digest(url, err.headers.get("WWW-Authenticate", "")):
                continue  # the endpoint asks for Digest (or a fresh nonce): sign the same request and send it again
            if err.code in (401, 403):
                raise StoreQueryError(
                    502,
                    f"the store answered {err.code} {err.reason}: {detail or '(no body)'}",
                    "Check the credentials (KG_STORE_USER, KG_STORE_PASSWORD or KG_STORE_TOKEN).",
                ) from None
            if err.code in (400, 406, 415):
                raise StoreQueryError(400, f"the store refused the query: {detail}") from None
            raise StoreQueryError(502, f"the store answered {err.code} {err.reason}: {detail}") from None
        except TimeoutError:
            raise StoreQueryError(503, late) from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            if isinstance(reason, TimeoutError):
                raise StoreQueryError(503, late) from None
            raise StoreQueryError(502, f"the store could not be reached ({reason}); try again later.") from None
    raise AssertionError("unreachable")


#: The query endpoints whose authentication scheme this process has asked for.
_PROBED: set[tuple] = set()


def _probe_query_endpoint(url: str, timeout: float) -> None:
    """Ask a query endpoint, once per process, with a bodiless unsigned GET whether it wants HTTP Digest.

    Only with KG_STORE_USER set: Virtuoso's ``/sparql-auth`` answers a request that
    carries a Basic header with a bare 401, no challenge, so the challenge must be asked
    for first. Whatever else the endpoint answers (200, 400, a failure) leaves the
    pre-emptive Basic header in use, and the query itself reports any failure.
    """
    if os.environ.get("KG_STORE_USER") is None or os.environ.get("KG_STORE_TOKEN") or _origin(url) in _PROBED:
        return
    try:
        with _OPENER.open(urllib.request.Request(url, method="GET"), timeout=min(timeout, 10)) as resp:
            resp.read(1 << 16)
    except urllib.error.HTTPError as err:
        err.read(1 << 16)
        if err.code == 401:
            _learn_digest(url, err.headers.get("WWW-Authenticate", ""))
    except (urllib.error.URLError, OSError):
        return  # the store is not reachable now: ask again with the next query, once it answers
    _PROBED.add(_origin(url))


def _learn_digest(url: str, challenge: str) -> bool:
    """Remember a Digest ``challenge`` for the endpoint of ``url``; true when the request is worth signing again.

    Only with KG_STORE_USER set and no token; a stale nonce replaces the known one.
    """
    user = os.environ.get("KG_STORE_USER")
    if user is None or os.environ.get("KG_STORE_TOKEN") or not challenge:
        return False
    scheme, params = _parse_challenge(challenge)
    if scheme != "digest":
        return False
    known = _DIGESTS.get(_origin(url))
    if known is not None:
        if params.get("stale", "").lower() != "true":
            return False  # signed already and refused: the credentials are wrong
        known.challenge = params
        return True
    _DIGESTS[_origin(url)] = _Digest(url, user, os.environ.get("KG_STORE_PASSWORD") or "", params)
    return True


def check_store(url: str, graphs: dict[str, str], timeout: float = 10.0) -> dict[str, int]:
    """Count the triples the store holds in each of ``graphs`` (name -> IRI); raise :class:`StoreError` when it cannot serve.

    A store with no triples in the asserted, inferred or ontology graph has not been published to.
    """
    url = check_store_url(url)
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    try:
        _, body = sparql_query(
            url,
            query,
            accept="application/sparql-results+json",
            params=[("named-graph-uri", iri) for iri in graphs.values()],
            timeout=timeout,
            max_bytes=1 << 20,
        )
        rows = json.loads(body)["results"]["bindings"]
        held = {r["g"]["value"]: int(r["n"]["value"]) for r in rows}
    except StoreQueryError as err:
        raise StoreError(
            f"the store at {url} cannot be queried: {err.message}",
            err.hint
            or "Start the store, or give its SPARQL query endpoint "
            "(Oxigraph: http://host:7878/query, Virtuoso: http://host:8890/sparql).",
        ) from None
    except (ValueError, KeyError, TypeError):
        raise StoreError(
            f"{url} did not answer with SPARQL JSON results.",
            "Give the store's SPARQL query endpoint (Oxigraph: http://host:7878/query, "
            "Virtuoso: http://host:8890/sparql), not its web page.",
        ) from None
    counts = {name: held.get(iri, 0) for name, iri in graphs.items()}
    empty = [graphs[n] for n in ("asserted", "inferred", "ontology") if counts.get(n) == 0]
    if empty:
        raise StoreError(
            f"the store at {url} holds no triples in <{empty[0]}>.",
            "Publish the graphs first: kg publish --store <the store's Graph Store Protocol URL>.",
        )
    return counts
