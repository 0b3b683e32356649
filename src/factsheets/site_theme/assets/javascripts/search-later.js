/* Run before Material's script. Material asks for the search index (search/search_index.json,
 * 175 kB for a dozen factsheets: a third of a page's weight) as every page loads, for a search
 * most readers never open. This holds that one request back until the reader opens search: the
 * search box takes focus (a click, "/", or the Search button, which focuses it), or Material's
 * search checkbox is ticked. Material shows "Initialising search" until the index has come.
 * A page opened from a folder (file://) gets the index as a script instead, which is not held. */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = false;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.fsHeld = !wanted && /(^|\/)search\/search_index\.json(\?|#|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.fsHeld && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };
  function want() {
    if (wanted) return;
    wanted = true;
    for (var i = 0; i < held.length; i++) send.apply(held[i][0], held[i][1]);
    held = [];
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) want();
  });
})();
