// Passkeys (WebAuthn) in the portal: a button with data-passkey="register" or "get" asks the server for options,
// lets the browser create or use a passkey, and sends the answer back; the server answers where to go next, or a
// refusal in the reader's language, shown in the element named by data-passkey-error.
(function () {
  'use strict';

  function csrfHeaders() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (header && token) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function Refusal(message) {
    this.message = message;
  }

  async function post(url, body) {
    var response = await fetch(url, {method: 'POST', credentials: 'same-origin', headers: csrfHeaders(), body: body || '{}'});
    var answer = {};
    try {
      answer = await response.json();
    } catch (unreadable) {
      answer = {};
    }
    if (answer.location && !response.ok) {
      window.location.assign(answer.location);
    }
    if (!response.ok) {
      throw new Refusal(answer.message || '');
    }
    return answer;
  }

  async function run(button) {
    var finish = button.dataset.passkeyFinish;
    var credential;
    if (button.dataset.passkey === 'register') {
      var name = document.getElementById(button.dataset.passkeyName);
      if (!name.reportValidity()) {
        return;
      }
      var creation = await post(button.dataset.passkeyOptions);
      credential = await navigator.credentials.create({publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(creation)});
      finish += (finish.indexOf('?') < 0 ? '?' : '&') + 'name=' + encodeURIComponent(name.value);
    } else {
      var request = await post(button.dataset.passkeyOptions);
      credential = await navigator.credentials.get({publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(request)});
    }
    var answer = await post(finish, JSON.stringify(credential.toJSON()));
    window.location.assign(answer.location);
  }

  function show(button, message) {
    var out = document.getElementById(button.dataset.passkeyError);
    out.textContent = message || button.dataset.passkeyFailed;
    out.hidden = false;
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-passkey]');
    if (!button) {
      return;
    }
    event.preventDefault();
    if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
      show(button, button.dataset.passkeyUnsupported);
      return;
    }
    button.disabled = true;
    run(button).catch(function (failure) {
      // the browser's own errors (cancelled, timed out) are in English: the page says it in its language instead
      show(button, failure instanceof Refusal ? failure.message : '');
    }).finally(function () {
      button.disabled = false;
    });
  });
})();
