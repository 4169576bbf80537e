/*
 * As-you-type suggestions for the search box: a progressive enhancement, with no dependency.
 * Without this script the search box is a plain form. With it, every input[name=q] becomes an
 * ARIA 1.2 combobox whose listbox offers resource titles, GCM objectives and organisations from
 * /search/suggest?q= (JSON). Picking one (click, or arrows then Enter) goes to its page; Enter
 * with nothing picked submits the search as typed. Text is only ever set with textContent.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 150;
  var MIN_LENGTH = 2;
  var MAX_LENGTH = 100;
  var KIND_LABELS = { resource: "Resource", objective: "GCM objective", organisation: "Organisation" };
  var script = document.currentScript;
  var defaultUrl = (script && script.getAttribute("data-suggest-url")) || "/search/suggest";
  var counter = 0;

  function enhance(input) {
    if (input.getAttribute("data-suggest") === "on") return;
    input.setAttribute("data-suggest", "on");
    var form = input.form;
    var url = (form && form.getAttribute("data-suggest-url")) || defaultUrl;
    var id = "hub-suggest-" + ++counter;

    var wrapper = document.createElement("div");
    wrapper.className = "suggest";
    wrapper.style.position = "relative";
    wrapper.style.display = "inline-block";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = id + "-list";
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var s = list.style;
    s.position = "absolute";
    s.left = "0";
    s.right = "0";
    s.top = "100%";
    s.zIndex = "100";
    s.margin = "2px 0 0";
    s.padding = "0";
    s.listStyle = "none";
    s.background = "#fff";
    s.color = "#111";
    s.border = "1px solid #888";
    s.borderRadius = "4px";
    s.boxShadow = "0 4px 12px rgba(0,0,0,.15)";
    s.maxHeight = "24rem";
    s.overflowY = "auto";
    s.minWidth = "18rem";
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        var on = i === index;
        options[i].setAttribute("aria-selected", on ? "true" : "false");
        options[i].style.background = on ? "#1f4e79" : "";
        options[i].style.color = on ? "#fff" : "";
      }
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      var item = items[index];
      if (!item || typeof item.url !== "string") return;
      // Only same-site paths or http(s) addresses: never javascript: or data: URLs.
      if (!/^(\/(?!\/)|https?:\/\/)/i.test(item.url)) return;
      close();
      window.location.assign(item.url);
    }

    function render(suggestions) {
      items = suggestions;
      while (list.firstChild) list.removeChild(list.firstChild);
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = id + "-option-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.style.padding = ".4rem .7rem";
        option.style.cursor = "pointer";
        var label = document.createElement("span");
        label.textContent = String(item.label);
        var kind = document.createElement("small");
        kind.textContent = " · " + (KIND_LABELS[item.kind] || String(item.kind));
        kind.style.opacity = ".75";
        option.appendChild(label);
        option.appendChild(kind);
        // mousedown, not click: it comes before the input's blur closes the list.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(index);
        });
        option.addEventListener("mousemove", function () {
          if (active !== index) setActive(index);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent =
          suggestions.length + (suggestions.length === 1 ? " suggestion" : " suggestions");
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < MIN_LENGTH || query.length > MAX_LENGTH) {
        render([]);
        return;
      }
      if (controller) controller.abort();
      controller = typeof AbortController === "function" ? new AbortController() : null;
      var address = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(address, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          // A late answer for an older query is dropped.
          if (input.value.trim() !== query) return;
          render(Array.isArray(data.suggestions) ? data.suggestions : []);
        })
        .catch(function () {
          /* aborted or offline: the plain search still works */
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length > 0;
      switch (event.key) {
        case "ArrowDown":
          if (!open) {
            if (items.length) {
              list.hidden = false;
              input.setAttribute("aria-expanded", "true");
            } else {
              lastQuery = null;
              fetchSuggestions();
            }
            event.preventDefault();
            return;
          }
          setActive(active + 1 >= items.length ? 0 : active + 1);
          event.preventDefault();
          break;
        case "ArrowUp":
          if (!open) return;
          setActive(active <= 0 ? items.length - 1 : active - 1);
          event.preventDefault();
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });
  }

  function start() {
    var inputs = document.querySelectorAll("input[name=q]");
    for (var i = 0; i < inputs.length; i++) enhance(inputs[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
