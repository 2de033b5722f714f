/* Live turnout on a ballot page: listens on the proposal's room socket for
 * {"type": "turnout", "ballot", "voted", "electorate", "turnout"} frames
 * (docs/websocket.md). Without JS or a socket the page shows the stored figure. */
(function () {
  "use strict";
  var box = document.querySelector(".turnout[data-live]");
  if (!box || !window.WebSocket || !window.JSON) { return; }
  var ballotId = box.getAttribute("data-ballot");
  var proposalId = box.getAttribute("data-proposal");
  var voted = box.querySelector("[data-voted]");
  var pct = box.querySelector("[data-pct]");
  var bar = box.querySelector("progress");
  var delay = 1000;
  var failures = 0;

  function show(frame) {
    if (voted) { voted.textContent = String(frame.voted); }
    if (pct) { pct.textContent = String(frame.turnout); }
    if (bar) { bar.max = Math.max(1, frame.electorate); bar.value = frame.voted; }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var opened = false;
    var socket = new WebSocket(scheme + window.location.host + "/ws/rooms/" + proposalId + "/");
    socket.onopen = function () { opened = true; delay = 1000; failures = 0; };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame && frame.type === "turnout" && String(frame.ballot) === ballotId) { show(frame); }
    };
    socket.onclose = function () {
      // A refused handshake (no room for this matter) is not worth hammering.
      failures = opened ? 0 : failures + 1;
      if (failures > 5) { return; }
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
}());
