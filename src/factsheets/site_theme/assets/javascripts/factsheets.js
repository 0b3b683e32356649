/* The site's own script: the header's menu and search buttons, the audio's chapters, and the
 * read-along (the sentence being heard highlighted, "Listen from here" on each paragraph).
 * Served from the site itself (no other host). The page's text works without it. */
(function () {
  "use strict";

  /* A factsheet's <link rel="alternate" hreflang> to its translations are for search engines.
   * Material fetches "sitemap.xml" beside each such link, for a language menu this site does
   * not have: six requests that fail on every translated page. It looks for them when the
   * document has loaded, after this script: they are taken out until it has looked. */
  var alternates = document.querySelectorAll("link[rel=alternate][hreflang]");
  for (var a = 0; a < alternates.length; a++) alternates[a].remove();
  if (alternates.length) {
    document.addEventListener("DOMContentLoaded", function () {
      setTimeout(function () { for (var i = 0; i < alternates.length; i++) document.head.appendChild(alternates[i]); }, 0);
    });
  }

  /* Material opens its menu drawer and its search with hidden checkboxes; ours are buttons
   * that tick them, so they work from the keyboard and say whether they are open. */
  function toggleButton(button, checkbox, onOpen) {
    if (!button || !checkbox) return;
    function show() { button.setAttribute("aria-expanded", checkbox.checked ? "true" : "false"); }
    function set(open) {
      if (checkbox.checked !== open) {
        checkbox.checked = open;
        checkbox.dispatchEvent(new Event("change"));
      }
      show();
      if (open && onOpen) onOpen();
    }
    button.addEventListener("click", function () { set(!checkbox.checked); });
    checkbox.addEventListener("change", show);
    return set;
  }

  var drawer = document.getElementById("__drawer");
  var menuButton = document.querySelector(".fs-menu-button");
  var siteNav = document.getElementById("fs-site-nav");
  var setMenu = toggleButton(menuButton, drawer);

  var search = document.getElementById("__search");
  var searchButton = document.querySelector(".fs-search-button");
  var searchInput = document.querySelector(".md-search__input");
  var setSearch = toggleButton(searchButton, search, function () {
    if (searchInput) setTimeout(function () { searchInput.focus(); }, 0);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (setMenu && drawer.checked) {
      setMenu(false);
      menuButton.focus();
    }
    if (setSearch) setTimeout(function () { searchButton.setAttribute("aria-expanded", search.checked ? "true" : "false"); }, 0);
  });
  /* The open menu covers the page: once focus moves on past it, close it, so that nothing
   * with focus is hidden behind it. */
  document.addEventListener("focusin", function (event) {
    // Likewise the open search, whose overlay covers the page.
    var searchBox = document.querySelector(".md-search");
    if (setSearch && search.checked && searchBox && !searchBox.contains(event.target) && event.target !== searchButton) {
      setSearch(false);
    }
    if (!setMenu || !drawer.checked) return;
    var header = document.querySelector(".md-header");
    if ((siteNav && siteNav.contains(event.target)) || (header && header.contains(event.target))) return;
    setMenu(false);
  });

  /* Search results: Material takes them out of the tab order (only the arrow keys reach them)
   * and closes search when Tab is pressed in it. A keyboard user who knows only Tab reaches them
   * too: they are put back in the tab order, and Tab moves through the open search, which closes
   * once focus leaves it (above). */
  var results = document.querySelector(".md-search-result__list");
  if (results) {
    new MutationObserver(function () {
      var links = results.querySelectorAll("[tabindex='-1']");
      for (var i = 0; i < links.length; i++) links[i].removeAttribute("tabindex");
    }).observe(results, { childList: true, subtree: true });
  }
  window.addEventListener("keydown", function (event) {
    var searchBox = document.querySelector(".md-search");
    // Material's own handler, which this goes before, closes search on Tab, and sends focus back
    // to the search box on any other key: Shift too, the first half of Shift+Tab.
    if ((event.key === "Tab" || event.key === "Shift") && search && search.checked && searchBox && searchBox.contains(document.activeElement)) {
      event.stopPropagation();
    }
  }, true);

  /* Chapters. A server that cannot send part of a file (no HTTP range requests, as
   * `python3 -m http.server`) leaves the browser unable to jump into a recording it has not
   * loaded; then the recording is fetched whole once, and the status line says so. Focus
   * stays on the chapter's button. */
  function canSeek(audio, time) {
    for (var i = 0; i < audio.seekable.length; i++) {
      if (audio.seekable.start(i) <= time && time <= audio.seekable.end(i)) return true;
    }
    return false;
  }

  function whenLoaded(audio, then) {
    if (audio.readyState >= 1) { then(); return; }
    audio.addEventListener("loadedmetadata", then, { once: true });
    audio.preload = "metadata";
    audio.load();
  }

  function playFrom(audio, time, status, title) {
    audio.currentTime = time;
    var playing = audio.play();
    if (playing && playing.catch) playing.catch(function () {});
    status.textContent = "Playing from: " + title;
  }

  function fetchWhole(audio, then, status) {
    status.textContent = "Loading the whole recording, so that it can start at this section.";
    fetch(audio.currentSrc || audio.src)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.blob();
      })
      .then(function (blob) {
        audio.setAttribute("data-fs-whole", "");
        audio.src = URL.createObjectURL(blob);
        whenLoaded(audio, then);
      })
      .catch(function () {
        status.textContent = "This web server cannot send part of the recording, so the player cannot go " +
          "straight to a section. Play it from the start, or download the MP3 and open it in a player.";
      });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-fs-start]");
    if (!button) return;
    var audio = document.getElementById(button.getAttribute("aria-controls"));
    var status = document.querySelector(".fs-audio-status");
    if (!audio || !status) return;
    var time = parseFloat(button.getAttribute("data-fs-start"));
    var title = button.getAttribute("data-fs-title") || button.firstChild.textContent.trim();
    function go() { playFrom(audio, time, status, title); }
    whenLoaded(audio, function () {
      if (canSeek(audio, time) || audio.hasAttribute("data-fs-whole")) go();
      else fetchWhole(audio, go, status);
    });
  });

  /* Read-along. site.py marks each sentence the audio says with the stretch of the recording
   * it is heard in (data-fs-begin, data-fs-end, in seconds), and each paragraph with where its
   * first sentence starts (data-fs-from). While the player plays, the sentence being heard has
   * the class fs-speaking. Focus never moves; the page scrolls only to keep a reader who is
   * following the highlight with it (the sentence before was in view), and without animation
   * when the reader asks for reduced motion. */
  function readAlong(audio) {
    var marked = document.querySelectorAll("[data-fs-begin]");
    var stretches = [];
    for (var i = 0; i < marked.length; i++) {
      stretches.push({
        element: marked[i],
        begin: parseFloat(marked[i].getAttribute("data-fs-begin")),
        end: parseFloat(marked[i].getAttribute("data-fs-end"))
      });
    }
    stretches.sort(function (a, b) { return a.begin - b.begin; });
    var reduced = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
    var current = null;
    var follow = false;  // set by "Listen from here": keep the highlight in view from the start

    function heardAt(time) {
      var low = 0, high = stretches.length - 1, found = null;
      while (low <= high) {
        var middle = (low + high) >> 1;
        if (stretches[middle].begin <= time) { found = stretches[middle]; low = middle + 1; } else high = middle - 1;
      }
      return found && time < found.end ? found.element : null;
    }

    function inView(element) {
      var box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }

    function highlight(next) {
      if (next === current) return;
      var following = follow || (current !== null && inView(current));
      if (current) current.classList.remove("fs-speaking");
      current = next;
      if (!next) return;
      next.classList.add("fs-speaking");
      if (following && !inView(next)) {
        next.scrollIntoView({ block: "center", behavior: reduced && reduced.matches ? "auto" : "smooth" });
      }
      follow = false;
    }

    var frame = 0;
    function track() {
      highlight(heardAt(audio.currentTime));
      frame = audio.paused || audio.ended ? 0 : window.requestAnimationFrame(track);
    }
    function start() { if (!frame) frame = window.requestAnimationFrame(track); }
    audio.addEventListener("play", start);
    audio.addEventListener("playing", start);
    audio.addEventListener("seeked", function () { highlight(heardAt(audio.currentTime)); });
    audio.addEventListener("ended", function () { highlight(null); });

    /* "Listen from here": a button at the end of each paragraph the audio says, named for the
     * paragraph it starts, worked like the chapter buttons (the click handler above). One for
     * each section is always there (on the section's first paragraph, playing from its heading);
     * the rest appear once the player has started, so that a keyboard user does not pass one
     * after every paragraph to reach the text (121 on the leaflet's page). */
    var label = audio.getAttribute("data-fs-listen") || "Listen from here";
    var paragraphs = document.querySelectorAll("article [data-fs-from]");
    var later = [];
    var seen = new Set();
    for (var p = 0; p < paragraphs.length; p++) {
      var section = sectionOf(paragraphs[p]);
      var first = !seen.has(section.key);
      seen.add(section.key);
      var words = paragraphs[p].textContent.trim().split(/\s+/);
      var opening = words.slice(0, 6).join(" ") + (words.length > 6 ? "…" : "");
      var button = document.createElement("button");
      button.type = "button";
      button.className = first ? "fs-listen fs-listen-section" : "fs-listen";
      button.textContent = label;
      // In the label's language, which an English paragraph of a translation is not in.
      button.lang = audio.getAttribute("data-fs-listen-lang") || document.documentElement.lang;
      button.dir = "auto";
      button.setAttribute("aria-label", label + ": " + opening);
      button.setAttribute("aria-controls", audio.id);
      var start = paragraphs[p].getAttribute("data-fs-from");
      if (first && section.heading && section.heading.hasAttribute("data-fs-begin")) start = section.heading.getAttribute("data-fs-begin");
      button.setAttribute("data-fs-start", start);
      button.setAttribute("data-fs-title", "“" + opening + "”");
      button.addEventListener("click", function () { follow = true; });
      if (!first) { button.hidden = true; later.push(button); }
      paragraphs[p].appendChild(document.createTextNode(" "));
      paragraphs[p].appendChild(button);
    }
    audio.addEventListener("play", function () {
      for (var i = 0; i < later.length; i++) later[i].hidden = false;
      later = [];
    });
  }

  /* The section a paragraph is in: the h2 before it in the article (none for the opening). */
  function sectionOf(element) {
    var headings = document.querySelectorAll("article h2");
    var found = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) found = headings[i];
    }
    return { key: found ? found.id : "", heading: found };
  }

  /* The chapters are listed as text, which is all they can be without a script: made buttons here. */
  var chapters = document.querySelectorAll("span.fs-chapter[data-fs-start]");
  for (var c = 0; c < chapters.length; c++) {
    var chapter = document.createElement("button");
    chapter.type = "button";
    chapter.className = "fs-chapter";
    chapter.setAttribute("data-fs-start", chapters[c].getAttribute("data-fs-start"));
    chapter.setAttribute("aria-controls", chapters[c].getAttribute("data-fs-controls"));
    while (chapters[c].firstChild) chapter.appendChild(chapters[c].firstChild);
    chapters[c].replaceWith(chapter);
  }

  var player = document.getElementById("fs-audio");
  if (player && document.querySelector("[data-fs-begin]")) readAlong(player);
})();
