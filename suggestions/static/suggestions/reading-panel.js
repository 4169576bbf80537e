// The resource form's suggestions: each button puts one value into the form, nothing more.
// Nothing is saved until the editor saves the page.
(function () {
  "use strict";

  function tick(name, pk) {
    var box = document.querySelector('input[type="checkbox"][name="' + name + '"][value="' + pk + '"]');
    if (!box) return false;
    if (!box.checked) {
      box.checked = true;
      box.dispatchEvent(new Event("change", { bubbles: true }));
    }
    return true;
  }

  function done(button) {
    button.disabled = true;
    button.classList.add("button-secondary");
    button.setAttribute("aria-pressed", "true");
  }

  function linkPage(button) {
    var field = button.dataset.hubLink;
    var chooser = document.getElementById("id_" + field + "-chooser");
    if (chooser && chooser.widget && chooser.widget.setState) {
      chooser.widget.setState({
        id: button.dataset.pk,
        adminTitle: button.dataset.title,
        editUrl: button.dataset.editUrl,
      });
      return true;
    }
    var input = document.getElementById("id_" + field);
    if (!input) return false;
    input.value = button.dataset.pk;
    return true;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-hub-reading] button");
    if (!button) return;
    if (button.dataset.hubAccept) {
      if (tick(button.dataset.hubAccept, button.dataset.pk)) done(button);
    } else if (button.dataset.hubAcceptTop) {
      var list = button.closest("section").querySelectorAll('[data-hub-accept="objectives"]');
      var count = parseInt(button.dataset.hubAcceptTop, 10);
      for (var i = 0; i < list.length && i < count; i++) {
        if (tick("objectives", list[i].dataset.pk)) done(list[i]);
      }
      done(button);
    } else if (button.dataset.hubFill) {
      var input = document.getElementById("id_" + button.dataset.hubFill);
      if (input) {
        input.value = button.dataset.value;
        input.dispatchEvent(new Event("change", { bubbles: true }));
        done(button);
      }
    } else if (button.dataset.hubLink) {
      if (linkPage(button)) done(button);
    }
  });
})();
