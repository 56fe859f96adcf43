// The rating page works without this script; with it, the bad-review tags (R1.3) show only for a bad level, and
// the error summary takes the focus so that a screen reader reads it first.
document.addEventListener('DOMContentLoaded', function () {
  var tags = document.getElementById('tags');
  var levels = document.querySelectorAll('input[name="level"]');
  function update() {
    var chosen = document.querySelector('input[name="level"]:checked');
    var bad = chosen !== null && chosen.getAttribute('data-bad') === 'true';
    if (tags) {
      tags.hidden = !bad;
      tags.querySelectorAll('input').forEach(function (box) { box.disabled = !bad; });
    }
  }
  levels.forEach(function (radio) { radio.addEventListener('change', update); });
  update();
  var errors = document.getElementById('errors');
  if (errors) { errors.focus(); }
});
