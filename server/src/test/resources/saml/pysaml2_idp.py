"""A SAML 2.0 identity provider on loopback for OpenCPS's tests, built on pysaml2's IdP (Debian's python3-pysaml2).

pysaml2 parses the service provider's requests, checks their signatures against the SP metadata it was given, and
builds, signs (and encrypts) the responses and logout requests. This script only adds the HTTP glue and a way for
the test to say who is signed in at the IdP:

  python3 pysaml2_idp.py WORKDIR      (WORKDIR holds idp.key and idp.crt; prints "listening PORT" when ready)

  GET  /metadata                      the IdP's metadata
  POST /admin/sp                      body: an SP's metadata XML (added to the IdP's trusted SPs; replaces the one
                                      of the same entityID, as an IdP refreshing the SP's metadata does)
  POST /admin/user                    body: JSON {"uid", "mail", "displayName", "groups", "signResponse",
                                      "signAssertion", "encrypt", "encryptionCert", "password"}: who the next sign-in
                                      is, and how it is answered ("encryptionCert": which of the SP's encryption
                                      certificates, 0 first); with "password", the person signs in on the login page
  GET  /sso/redirect?SAMLRequest=...  HTTP-Redirect binding: answers an HTML form that posts the response to the ACS,
                                      or, when the person has a password, the IdP's login page
  POST /sso/login                     the login page's form (username, password, the request's query): the form that
                                      posts the response to the ACS, or the login page again saying the password is wrong
  POST /admin/logout                  body: JSON {"sp", "uid"}: answers the URL of a signed logout request to the SP
  GET  /slo/redirect?SAMLResponse=... the SP's logout response; answers 200 "logged out" once its signature checks
  GET  /slo/redirect?SAMLRequest=...  the SP's own logout request (signed): ends the IdP session it names when its
                                      NameID (value and format) and SessionIndex are those of a sign-in the IdP
                                      answered for that SP (Success), else answers Responder/UnknownPrincipal; redirects
                                      to the SP's single logout service with the signed LogoutResponse
  GET  /admin/sessions                JSON: the IdP sessions still open, {"sessionIndex": {"sp", "uid"}}
  POST /admin/forget-session          body: a session index the IdP forgets (as after its restart or timeout)
"""
import html
import json
import os
import re
import sys
import threading
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

import saml2.assertion
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, samlp
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server
from saml2.sigver import verify_redirect_signature

WORKDIR = sys.argv[1]
LOGIN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>OpenCPS test IdP: sign in</title></head>
<body><h1>Sign in to the test IdP</h1>{error}
<form method="post" action="/sso/login">
<input type="hidden" name="query" value="{query}">
<label>User name <input id="username" name="username" autocomplete="username"></label>
<label>Password <input id="password" name="password" type="password" autocomplete="current-password"></label>
<button type="submit" id="sign-in">Sign in</button>
</form></body></html>
"""
LOCK = threading.Lock()
STATE = {"user": None, "sp_files": {}, "idp": None, "base": None, "sessions": {}}
SIGALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"


def config(base):
    return {
        "entityid": base + "/idp",
        "service": {
            "idp": {
                "name": "OpenCPS test IdP",
                "endpoints": {
                    "single_sign_on_service": [(base + "/sso/redirect", BINDING_HTTP_REDIRECT)],
                    "single_logout_service": [(base + "/slo/redirect", BINDING_HTTP_REDIRECT)],
                },
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                # pysaml2 7 checks only XML signatures here; the redirect binding's query signature is checked in sign_in()
                "want_authn_requests_signed": False,
                "policy": {"default": {"lifetime": {"minutes": 5}, "attribute_restrictions": None}},
            }
        },
        "key_file": os.path.join(WORKDIR, "idp.key"),
        "cert_file": os.path.join(WORKDIR, "idp.crt"),
        "encryption_keypairs": [{"key_file": os.path.join(WORKDIR, "idp.key"),
                                 "cert_file": os.path.join(WORKDIR, "idp.crt")}],
        "xmlsec_binary": "/usr/bin/xmlsec1",
        "metadata": {"local": list(STATE["sp_files"].values())},
        "signing_algorithm": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        "digest_algorithm": "http://www.w3.org/2001/04/xmlenc#sha256",
    }


def rebuild():
    conf = IdPConfig()
    conf.load(config(STATE["base"]))
    STATE["idp"] = Server(config=conf)
    STATE["conf"] = conf


def single(query):
    return {key: values[0] for key, values in parse_qs(query, keep_blank_values=True).items()}


def signed_by_sp(query, idp, sp):
    """Whether the redirect binding's signature verifies with one of the SP's signing certificates (several during
    a key rollover)."""
    if "Signature" not in query:
        return False
    for cert in idp.metadata.certs(sp, "spsso", "signing"):
        text = "".join(cert.split())
        pem = "\n".join(text[i:i + 64] for i in range(0, len(text), 64))
        if verify_redirect_signature(query, idp.sec.sec_backend, pem):
            return True
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # every answer has a Content-Length
    def log_message(self, fmt, *args):
        sys.stderr.write("idp: " + (fmt % args) + "\n")

    def answer(self, status, body, content_type="text/plain"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8")

    def do_GET(self):
        url = urlsplit(self.path)
        try:
            with LOCK:
                if url.path == "/metadata":
                    return self.answer(200, str(entity_descriptor(STATE["conf"])), "application/samlmetadata+xml")
                if url.path == "/sso/redirect":
                    return self.sign_in(single(url.query))
                if url.path == "/slo/redirect" and "SAMLRequest" in single(url.query):
                    return self.sp_logout(single(url.query))
                if url.path == "/slo/redirect":
                    return self.logged_out(single(url.query))
                if url.path == "/admin/sessions":
                    return self.answer(200, json.dumps(STATE["sessions"]), "application/json")
            return self.answer(404, "not found")
        except Exception as error:  # the test reads the reason
            traceback.print_exc()
            return self.answer(400, "%s: %s" % (type(error).__name__, error))

    def do_POST(self):
        url = urlsplit(self.path)
        try:
            with LOCK:
                if url.path == "/admin/sp":
                    body = self.body()
                    entity = re.search(r'entityID="([^"]+)"', body).group(1)
                    path = STATE["sp_files"].get(entity) or os.path.join(WORKDIR, "sp-%d.xml" % len(STATE["sp_files"]))
                    with open(path, "w", encoding="utf-8") as out:
                        out.write(body)
                    STATE["sp_files"][entity] = path
                    rebuild()
                    return self.answer(204, "")
                if url.path == "/admin/user":
                    STATE["user"] = json.loads(self.body())
                    return self.answer(204, "")
                if url.path == "/admin/logout":
                    return self.logout_request(json.loads(self.body()))
                if url.path == "/admin/forget-session":
                    STATE["sessions"].pop(self.body(), None)
                    return self.answer(204, "")
                if url.path == "/sso/login":
                    return self.logged_in(single(self.body()))
            return self.answer(404, "not found")
        except Exception as error:
            traceback.print_exc()
            return self.answer(400, "%s: %s" % (type(error).__name__, error))

    def signed_request(self, query):
        """The SP's authentication request, or None when its redirect-binding signature does not verify."""
        idp = STATE["idp"]
        request = idp.parse_authn_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT)
        return request if signed_by_sp(query, idp, request.message.issuer.text) else None

    def sign_in(self, query):
        request = self.signed_request(query)
        if request is None:
            return self.answer(403, "the authentication request is not signed by the SP")
        if STATE["user"].get("password"):
            return self.login_page(query, None)
        return self.respond(request)

    def login_page(self, query, error):
        raw = "&".join("%s=%s" % (key, quote(value, safe="")) for key, value in query.items())
        page = LOGIN_PAGE.format(query=html.escape(raw, quote=True),
                                 error='<p id="error">%s</p>' % html.escape(error) if error else "")
        return self.answer(401 if error else 200, page, "text/html; charset=utf-8")

    def logged_in(self, form):
        query = single(form["query"])
        request = self.signed_request(query)
        if request is None:
            return self.answer(403, "the authentication request is not signed by the SP")
        user = STATE["user"]
        if form.get("username") != user["uid"] or form.get("password") != user.get("password"):
            return self.login_page(query, "Wrong user name or password.")
        return self.respond(request)

    def respond(self, request):
        idp = STATE["idp"]
        sp = request.message.issuer.text
        user = STATE["user"]
        identity = {"mail": user["mail"], "displayName": user.get("displayName", user["uid"])}
        if user.get("groups"):
            identity["isMemberOf"] = user["groups"]
        acs = request.message.assertion_consumer_service_url
        encrypt = bool(user.get("encrypt"))
        encryption_cert = None
        if encrypt:
            certs = idp.metadata.certs(sp, "spsso", "encryption")
            encryption_cert = certs[int(user.get("encryptionCert", 0))]
        # pysaml2 draws the AuthnStatement's SessionIndex from saml2.assertion.sid(); this IdP chooses it, to know its sessions
        session_index = "_s" + uuid.uuid4().hex
        drawn_by_pysaml2 = saml2.assertion.sid
        saml2.assertion.sid = lambda: session_index
        try:
            response = self.authn_response(idp, identity, request, acs, sp, user, encrypt, encryption_cert)
        finally:
            saml2.assertion.sid = drawn_by_pysaml2
        STATE["sessions"][session_index] = {"sp": sp, "uid": user["uid"]}
        form = idp.apply_binding(BINDING_HTTP_POST, "%s" % response, acs, "", response=True)
        return self.answer(200, form["data"], "text/html")

    @staticmethod
    def authn_response(idp, identity, request, acs, sp, user, encrypt, encryption_cert):
        return idp.create_authn_response(
            identity, request.message.id, acs, sp,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=user["uid"]),
            authn={"class_ref": user.get("authnContext") or "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
            sign_response=bool(user.get("signResponse", False)),
            sign_assertion=bool(user.get("signAssertion", True)),
            encrypt_assertion=encrypt,
            encrypt_cert_assertion=encryption_cert,
            session_not_on_or_after=None,
            sign_alg=SIGALG,
            digest_alg="http://www.w3.org/2001/04/xmlenc#sha256")

    def logout_request(self, wanted):
        idp = STATE["idp"]
        destinations = idp.metadata.single_logout_service(wanted["sp"], BINDING_HTTP_REDIRECT, "spsso")
        request_id, request = idp.create_logout_request(
            destinations[0]["location"], STATE["conf"].entityid,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=wanted["uid"]), sign=False)
        info = idp.apply_binding(BINDING_HTTP_REDIRECT, "%s" % request, destinations[0]["location"], "",
                                 sign=True, sigalg=SIGALG)
        location = dict(info["headers"])["Location"]
        return self.answer(200, json.dumps({"url": location}), "application/json")

    def sp_logout(self, query):
        idp = STATE["idp"]
        request = idp.parse_logout_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT)
        sp = request.message.issuer.text
        if not signed_by_sp(query, idp, sp):
            return self.answer(403, "the logout request is not signed by the SP")
        name_id = request.message.name_id
        indexes = [index.text for index in request.message.session_index]
        known = STATE["sessions"].get(indexes[0]) if len(indexes) == 1 else None
        status = None
        if (known is not None and known["sp"] == sp and name_id is not None and known["uid"] == name_id.text
                and name_id.format == NAMEID_FORMAT_PERSISTENT):
            del STATE["sessions"][indexes[0]]
        else:
            status = samlp.Status(status_code=samlp.StatusCode(
                value=samlp.STATUS_RESPONDER, status_code=samlp.StatusCode(value=samlp.STATUS_UNKNOWN_PRINCIPAL)))
        response = idp.create_logout_response(request.message, [BINDING_HTTP_REDIRECT], status=status, sign=False)
        destination = idp.metadata.single_logout_service(sp, BINDING_HTTP_REDIRECT, "spsso")[0]["location"]
        info = idp.apply_binding(BINDING_HTTP_REDIRECT, "%s" % response, destination, "", response=True,
                                 sign=True, sigalg=SIGALG)
        location = dict(info["headers"])["Location"]
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def logged_out(self, query):
        idp = STATE["idp"]
        response = idp.parse_logout_request_response(query["SAMLResponse"], BINDING_HTTP_REDIRECT)
        sp = response.response.issuer.text
        if not signed_by_sp(query, idp, sp):
            return self.answer(403, "the logout response is not signed by the SP")
        return self.answer(200, "logged out: " + response.response.status.status_code.value)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    STATE["base"] = "http://127.0.0.1:%d" % server.server_address[1]
    rebuild()
    print("listening %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
