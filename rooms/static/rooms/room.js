/* 议事厅 live client. Plain ES5 (WeChat's and older phone browsers), no dependencies.
 * Every piece of resident text is inserted with textContent, never as HTML.
 * Protocol: docs/websocket.md. */
(function () {
  "use strict";
  var configNode = document.getElementById("room-config");
  if (!configNode || !window.WebSocket || !window.JSON) { return; }
  var config = JSON.parse(configNode.textContent);
  var strings = document.getElementById("room-strings").dataset || {};
  var list = document.getElementById("transcript");
  var empty = document.getElementById("transcript-empty");
  var connBadge = document.getElementById("conn-state");
  var stateBadge = document.getElementById("room-state");
  var presenceNode = document.getElementById("presence");
  var indicator = document.getElementById("new-indicator");
  var form = document.getElementById("say-form");
  var sendButton = document.getElementById("say-button");
  var lastId = config.last_id || 0;
  var canModerate = !!config.can_moderate;
  var canSpeak = !!config.can_speak;
  var roomOpen = config.state === "open";
  var socket = null, retries = 0, pingTimer = null, outbox = [], resyncing = false;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function newClientId() {
    var bytes = new Uint8Array(16), i, out = "";
    if (window.crypto && window.crypto.getRandomValues) { window.crypto.getRandomValues(bytes); }
    else { for (i = 0; i < 16; i++) { bytes[i] = Math.floor(Math.random() * 256); } }
    for (i = 0; i < 16; i++) { out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16); }
    return out;
  }

  // "At the end of the transcript": its end marker is on screen (the form may follow it).
  function nearBottom() {
    return document.getElementById("transcript-end").getBoundingClientRect().top <= window.innerHeight + 40;
  }

  function onScreen(node) {
    var box = node.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }

  function setConn(kind) {
    connBadge.hidden = false;
    connBadge.className = "badge " + kind;
    connBadge.textContent = kind === "live" ? strings.live : kind === "offline" ? strings.offline : strings.connecting;
  }

  function setRoomState(state) {
    roomOpen = state === "open";
    stateBadge.textContent = roomOpen ? stateBadge.getAttribute("data-open") : stateBadge.getAttribute("data-closed");
    stateBadge.className = "badge" + (roomOpen ? " ok" : "");
    if (sendButton) { sendButton.disabled = !(roomOpen && canSpeak); }
  }

  function fillHidden(item, reason) {
    item.className += " hidden";
    var body = item.querySelector(".msg-body");
    if (!body) { body = el("div", "msg-body"); item.appendChild(body); }
    body.className = "msg-body hidden-note";
    body.textContent = strings.hidden;
    body.appendChild(document.createElement("br"));
    body.appendChild(el("span", "small", strings.reason + ": " + reason));
    var tools = item.querySelectorAll(".msg-tools, .msg-actions");
    for (var i = 0; i < tools.length; i++) { tools[i].parentNode.removeChild(tools[i]); }
  }

  function actionsFor(message) {
    var box = el("div", "msg-actions");
    if (canModerate) {
      var hide = el("button", "secondary", strings.hide);
      hide.type = "button";
      hide.onclick = function () {
        var reason = window.prompt(strings.askReason || "");
        if (reason) { send({ type: "hide", id: message.id, reason: reason }); }
      };
      box.appendChild(hide);
    } else if (canSpeak && !(message.author && message.author.id === config.me)) {
      var report = el("button", "secondary", strings.report);
      report.type = "button";
      report.onclick = function () { send({ type: "report", id: message.id, reason: "" }); report.disabled = true; };
      box.appendChild(report);
    }
    return box;
  }

  function render(message, pending) {
    var item = el("li", "msg" + (message.author && message.author.id === config.me ? " mine" : ""));
    if (message.id) { item.id = "m" + message.id; item.setAttribute("data-id", message.id); }
    var head = el("div", "msg-head");
    head.appendChild(el("strong", "msg-author", message.author ? message.author.name : ""));
    var when = message.created ? new Date(message.created) : new Date();
    var hh = ("0" + when.getHours()).slice(-2) + ":" + ("0" + when.getMinutes()).slice(-2);
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", "muted small msg-time", (message.id ? "#" + message.id + " · " : "") + (pending ? strings.sending : hh)));
    item.appendChild(head);
    if (message.hidden) { fillHidden(item, message.reason); return item; }
    item.appendChild(el("div", "msg-body", message.body));
    if (!pending && (canModerate || canSpeak)) { item.appendChild(actionsFor(message)); }
    return item;
  }

  function place(message) {
    var existing = document.getElementById("m" + message.id);
    var pending = message.client_id ? list.querySelector('[data-client="' + message.client_id + '"]') : null;
    var item = render(message, false);
    if (existing) { return; }
    var stick = nearBottom();
    if (pending) { list.replaceChild(item, pending); dropFromOutbox(message.client_id); }
    else { list.appendChild(item); }
    if (message.id > lastId) { lastId = message.id; }
    empty.hidden = true;
    if (stick || pending) { if (!onScreen(item)) { item.scrollIntoView(false); } }
    else if (!onScreen(item)) { indicator.hidden = false; }
  }

  function dropFromOutbox(clientId) {
    for (var i = outbox.length - 1; i >= 0; i--) { if (outbox[i].client_id === clientId) { outbox.splice(i, 1); } }
  }

  function receive(message) {
    if (message.id <= lastId) { place(message); return; }
    if (message.id > lastId + 1) { resync(); return; }  // a gap: fetch what we missed, in order
    place(message);
  }

  function resync() {
    if (resyncing || !window.XMLHttpRequest) { return; }
    resyncing = true;
    var request = new XMLHttpRequest();
    request.open("GET", config.api + "?after=" + lastId);
    request.onload = function () {
      resyncing = false;
      if (request.status !== 200) { return; }
      var data = JSON.parse(request.responseText);
      for (var i = 0; i < data.items.length; i++) { place(data.items[i]); }
      if (data.more) { resync(); }
    };
    request.onerror = function () { resyncing = false; };
    request.send();
  }

  function showSession(session) {
    var box = document.getElementById("session-box");
    if (!box) { return; }
    box.hidden = session.state === "ended";
    box.textContent = "";
    var title = el("h2", "", session.title + " ");
    if (session.state === "running") { title.appendChild(el("span", "badge warn", strings.running)); }
    box.appendChild(title);
    var agenda = el("ol");
    for (var i = 0; i < session.agenda.length; i++) { agenda.appendChild(el("li", "", session.agenda[i])); }
    box.appendChild(agenda);
  }

  function showError(frame) {
    var note = document.getElementById("room-alert");
    if (!note) {
      note = el("p", "room-alert");
      note.id = "room-alert";
      note.setAttribute("role", "alert");
      (form || list).parentNode.insertBefore(note, form || list.nextSibling);
    }
    note.textContent = frame.message;
    var pending = list.querySelectorAll(".pending");
    if (pending.length && ["forbidden", "invalid", "too_long", "rate_limited", "room_closed", "muted"].indexOf(frame.code) >= 0) {
      var last = pending[pending.length - 1];
      last.className = "msg failed";
      dropFromOutbox(last.getAttribute("data-client"));
      last.querySelector(".msg-time").textContent = strings.failed;
    }
  }

  var handlers = {
    hello: function (frame) {
      canSpeak = frame.room.can_speak; canModerate = frame.room.can_moderate;
      setRoomState(frame.room.state);
      for (var i = 0; i < frame.history.length; i++) { place(frame.history[i]); }
      if (frame.more) { resync(); }
      if (frame.session) { showSession(frame.session); }
      for (var j = 0; j < outbox.length; j++) { send(outbox[j]); }  // resend: client_id makes it once
    },
    message: function (frame) { receive(frame.message); },
    hidden: function (frame) { var item = document.getElementById("m" + frame.id); if (item && item.className.indexOf("hidden") < 0) { fillHidden(item, frame.reason); } },
    presence: function (frame) { presenceNode.hidden = false; presenceNode.textContent = frame.count + " " + strings.online; },
    room: function (frame) { setRoomState(frame.state); },
    session: function (frame) { showSession(frame.session); },
    error: showError
  };

  function send(frame) {
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }

  function connect() {
    setConn("connecting");
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + config.ws + (lastId ? "?after=" + lastId : ""));
    socket.onopen = function () { retries = 0; setConn("live"); };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (handlers[frame.type]) { handlers[frame.type](frame); }
    };
    socket.onclose = function () {
      setConn("offline");
      var delay = Math.min(30000, 1000 * Math.pow(2, retries++)) * (0.5 + Math.random() / 2);
      window.setTimeout(connect, delay);
    };
  }

  if (form) {
    var box = form.querySelector("textarea");
    var counter = document.getElementById("say-count");
    box.oninput = function () { counter.textContent = box.value.length; };
    form.onsubmit = function (event) {
      var body = box.value.replace(/^\s+|\s+$/g, "");
      if (!body) { event.preventDefault(); return; }
      event.preventDefault();
      var frame = { type: "say", body: body, client_id: newClientId() };
      var item = render({ body: body, author: { id: config.me, name: config.my_name } }, true);
      item.className += " pending mine";
      item.setAttribute("data-client", frame.client_id);
      list.appendChild(item);
      empty.hidden = true;
      item.scrollIntoView(false);
      outbox.push(frame);
      send(frame);
      box.value = ""; counter.textContent = "0";
    };
  }
  indicator.onclick = function () { indicator.hidden = true; document.getElementById("transcript-end").scrollIntoView(false); };
  window.addEventListener("scroll", function () { if (nearBottom()) { indicator.hidden = true; } });
  pingTimer = window.setInterval(function () { send({ type: "ping" }); }, 30000);
  connect();
}());
