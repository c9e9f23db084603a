// OpenCPS portal behaviour. No inline script anywhere (strict Content-Security-Policy): pages
// carry data-* attributes and this file acts on them.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // Every htmx request carries the CSRF token; list refreshes say they are not the person's activity.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
    var source = event.detail.elt;
    if (source && source.closest && source.closest("[data-background]")) {
      event.detail.headers["X-OpenCPS-Background"] = "1";
    } else {
      idle.activity();
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    var box = document.getElementById("request-error");
    if (box) {
      box.classList.remove("hidden");
      box.focus();
    }
  });

  // Copy buttons: <button data-copy="id-of-element">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var done = button.getAttribute("data-copied");
      if (done) {
        button.textContent = done;
      }
    });
  });

  // <select data-autosubmit> submits its form when changed (the form keeps a button for keyboards).
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("select[data-autosubmit]")) {
      event.target.form.requestSubmit();
    }
  });

  // <form data-confirm="question"> asks before it is sent.
  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Idle logout: the organization's idle time (data-idle-seconds on <body>), shared by every tab
  // of the portal through localStorage; a warning a minute before, then logout.
  var idle = (function () {
    var KEY = "opencps.lastActivity";
    var seconds = Number(document.body.getAttribute("data-idle-seconds") || 0);
    var dialog = document.getElementById("idle-warning");
    var countdown = dialog ? dialog.querySelector("[data-countdown]") : null;
    var lastLocal = Date.now();

    // The shared value is the truth when there is one: any tab's activity writes it.
    function last() {
      var shared = 0;
      try {
        shared = Number(window.localStorage.getItem(KEY) || 0);
      } catch (e) {
        shared = 0;
      }
      return shared > 0 ? shared : lastLocal;
    }

    function activity() {
      lastLocal = Date.now();
      try {
        window.localStorage.setItem(KEY, String(lastLocal));
      } catch (e) {
        // private mode: this tab alone
      }
    }

    // Once: the timer goes on ticking until the next page replaces this one, and each further submit would
    // cancel the logout still on its way (on a slow server, forever).
    var loggingOut = false;

    function logout() {
      var form = document.getElementById("idle-logout");
      if (form && !loggingOut) {
        loggingOut = true;
        form.submit();
      }
    }

    function tick() {
      // log out a little before the server would, so the logout request still has its session
      var left = seconds - 5 - (Date.now() - last()) / 1000;
      var warnAt = Math.min(60, seconds / 4);
      if (left <= 0) {
        logout();
        return;
      }
      if (left <= warnAt) {
        if (countdown) {
          countdown.textContent = String(Math.ceil(left));
        }
        if (dialog && !dialog.open) {
          dialog.showModal();
        }
      } else if (dialog && dialog.open) {
        dialog.close();
      }
    }

    if (seconds > 0) {
      activity();
      window.setInterval(tick, 1000);
      if (dialog) {
        dialog.querySelector("[data-idle-stay]").addEventListener("click", function () {
          fetch(dialog.getAttribute("data-keepalive"), { credentials: "same-origin" }).then(function (response) {
            if (response.ok) {
              activity();
              dialog.close();
            } else {
              logout();
            }
          });
        });
      }
    }
    return { activity: activity };
  })();
})();

// The menu marks the page you are on, for screen readers and the eye.
(function () {
  "use strict";
  var links = document.querySelectorAll(".menu a[href]");
  for (var i = 0; i < links.length; i++) {
    if (links[i].pathname === window.location.pathname) {
      links[i].setAttribute("aria-current", "page");
    }
  }
})();

// <form data-reset-on-success> is cleared once htmx has sent it successfully (the upload form).
document.addEventListener("htmx:afterRequest", function (event) {
  "use strict";
  var form = event.detail.elt;
  var status = event.detail.xhr ? event.detail.xhr.status : 0;
  if (status >= 200 && status < 300 && form && form.hasAttribute && form.hasAttribute("data-reset-on-success")) {
    form.reset();
  }
});
