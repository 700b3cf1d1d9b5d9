// Herald console: progressive enhancement only. Every form works without this file.
(function () {
  'use strict';
  var body = document.body;
  var base = body.getAttribute('data-base');

  // Live counts: the server counts by each network's own rule; this only asks it and shows the answer.
  function counter(area) {
    var out = document.getElementById(area.getAttribute('data-count'));
    if (!out) return;
    var timer = null;
    function update() {
      var url = base + '/count?network=' + encodeURIComponent(area.getAttribute('data-network')) + '&text=' + encodeURIComponent(area.value);
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (c) {
          if (!c) return;
          out.textContent = c.limit === null ? String(c.length) : c.length + ' / ' + c.limit + (c.fits ? '' : ' — too long');
          out.classList.toggle('over', !c.fits);
          out.classList.toggle('fits', c.fits);
        })
        .catch(function () { /* the server check at submit time still applies */ });
    }
    // The card above shows the text as typed (links are highlighted again when the server redraws it).
    var box = area.closest('fieldset');
    var shown = box ? box.querySelector('.card .post-text') : null;
    area.addEventListener('input', function () {
      if (shown) shown.textContent = area.value;
      clearTimeout(timer);
      timer = setTimeout(update, 150);
    });
  }
  document.querySelectorAll('textarea[data-count]').forEach(counter);

  // Drag a share to another day in the calendar: fills in and submits that share's own reschedule form.
  var dragged = null;
  document.querySelectorAll('.chip[draggable="true"]').forEach(function (chip) {
    chip.addEventListener('dragstart', function (e) {
      dragged = chip;
      e.dataTransfer.setData('text/plain', chip.getAttribute('data-share'));
      e.dataTransfer.effectAllowed = 'move';
    });
    chip.addEventListener('dragend', function () { dragged = null; });
  });
  document.querySelectorAll('td.day').forEach(function (cell) {
    cell.addEventListener('dragover', function (e) {
      if (!dragged) return;
      e.preventDefault();
      cell.classList.add('drop');
    });
    cell.addEventListener('dragleave', function () { cell.classList.remove('drop'); });
    cell.addEventListener('drop', function (e) {
      e.preventDefault();
      cell.classList.remove('drop');
      if (!dragged) return;
      var id = dragged.getAttribute('data-share');
      var form = document.getElementById('reschedule-' + id);
      if (!form) return;
      form.querySelector('input[name="at"]').value = cell.getAttribute('data-date') + 'T' + dragged.getAttribute('data-time');
      form.submit();
    });
  });
})();
