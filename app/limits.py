"""Limits. The one size limit for an article, wherever it comes in: the import form, the JSON API
and `isf-tracker import-article` all measure the article as sent (the pasted text, the file, or the
HTML page before it is reduced to its article) in bytes of UTF-8 against ARTICLE_MAX_BYTES. And the
one way a client's address is counted for the per-address limits (sign-in failures, slow bodies)."""

from __future__ import annotations

import ipaddress

ARTICLE_MAX_BYTES = 2_000_000
ARTICLE_LIMIT = f"{ARTICLE_MAX_BYTES // 1_000_000} MB"  # the limit as people are told it

# A form percent-escapes every byte outside ASCII and JSON may write a character as \uXXXX, so an
# article at the limit can arrive up to three times its size: the routes that take one accept a
# body that large, so that the article is measured rather than its envelope.
ARTICLE_BODY_MAX_BYTES = 3 * ARTICLE_MAX_BYTES + 100_000
ARTICLE_PATHS = ("/import", "/api/v1/imports")


def article_too_large() -> str:
    return (f"The article is over {ARTICLE_LIMIT} ({ARTICLE_MAX_BYTES:,} bytes), the limit for an article; "
            "nothing was saved. Import the part that matters.")


def address_share(host: str) -> str:
    """The address whose share of a per-address limit a request from HOST counts against. An IPv6
    host counts as its /64 network, which is what one subscriber is usually given (counting each
    address alone would let one machine take a fresh share per address); an IPv4-mapped IPv6
    address counts as its IPv4 address; anything else (a Unix socket, a test client) as itself."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)
