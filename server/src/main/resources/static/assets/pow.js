// Proof-of-work for forms that need a CAPTCHA without any third party (the ALTCHA scheme): fetch a
// signed challenge, find the number whose SHA-256 with the salt gives the challenge, and put the
// solution, base64-encoded JSON, into the form's hidden "altcha" field. SHA-256 is computed here
// rather than with crypto.subtle, which browsers offer only on HTTPS pages.
(function () {
  "use strict";

  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];
  var W = new Array(64);

  function rotr(x, n) {
    return (x >>> n) | (x << (32 - n));
  }

  /** SHA-256 of an ASCII string (salt and number are ASCII), as lower-case hex. */
  function sha256Hex(text) {
    var bytes = [];
    for (var i = 0; i < text.length; i++) {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) {
      bytes.push(0);
    }
    for (var s = 56; s >= 0; s -= 8) {
      bytes.push(s >= 32 ? 0 : (bitLength >>> s) & 0xff);
    }
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    for (var block = 0; block < bytes.length; block += 64) {
      for (var t = 0; t < 16; t++) {
        var o = block + t * 4;
        W[t] = (bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3];
      }
      for (t = 16; t < 64; t++) {
        var s0 = rotr(W[t - 15], 7) ^ rotr(W[t - 15], 18) ^ (W[t - 15] >>> 3);
        var s1 = rotr(W[t - 2], 17) ^ rotr(W[t - 2], 19) ^ (W[t - 2] >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (t = 0; t < 64; t++) {
        var t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
    }
    var hex = "";
    for (i = 0; i < 8; i++) {
      hex += ("00000000" + (h[i] >>> 0).toString(16)).slice(-8);
    }
    return hex;
  }

  /** Searches in slices so the page stays responsive; calls done(number) or done(-1). */
  function solve(challenge, done) {
    var n = 0;
    function slice() {
      var end = Math.min(n + 5000, challenge.maxnumber + 1);
      for (; n < end; n++) {
        if (sha256Hex(challenge.salt + n) === challenge.challenge) {
          done(n);
          return;
        }
      }
      if (n > challenge.maxnumber) {
        done(-1);
      } else {
        window.setTimeout(slice, 0);
      }
    }
    slice();
  }

  var box = document.querySelector("[data-pow]");
  if (!box) {
    return;
  }
  var form = box.closest("form");
  var field = form.querySelector('input[name="altcha"]');
  var status = box.querySelector(".pow-status");
  var submit = form.querySelector('button[type="submit"]');

  function show(state) {
    status.setAttribute("data-state", state);
    status.textContent = box.getAttribute("data-text-" + state);
  }

  submit.disabled = true;
  show("working");
  fetch(box.getAttribute("data-challenge-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("challenge " + response.status);
      }
      return response.json();
    })
    .then(function (challenge) {
      solve(challenge, function (number) {
        if (number < 0) {
          show("failed");
          return;
        }
        field.value = window.btoa(JSON.stringify({
          algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
          salt: challenge.salt, signature: challenge.signature
        }));
        submit.disabled = false;
        show("done");
      });
    })
    .catch(function () {
      show("failed");
    });
})();
