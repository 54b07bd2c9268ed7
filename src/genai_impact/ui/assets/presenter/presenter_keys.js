// The presenter's keys in presentation mode. The listener sits on the window from the
// moment the page is drawn, so no click is needed first, and in the capture phase, so
// a focused button, switch or radio group does not swallow the key.
//   ← PageUp Shift+Space: previous view   → PageDown Space: next view
//   Home: first view   End: last view   B or .: blank the screen (again: back)
// A key typed into a text field stays there. The script holds no text of its own: the
// overlay's label comes from the page's catalogue in `data`.

const STEPS = {
  ArrowLeft: "prev",
  PageUp: "prev",
  ArrowRight: "next",
  PageDown: "next",
  Home: "first",
  End: "last",
};
const BLANK_KEYS = new Set(["b", "B", "."]);
const NOT_TEXT_INPUTS = new Set([
  "button", "checkbox", "color", "file", "image", "radio", "range", "reset", "submit",
]);

function isTyping(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    return !NOT_TEXT_INPUTS.has((target.getAttribute("type") || "text").toLowerCase());
  }
  const role = target.getAttribute("role");
  return role === "textbox" || role === "combobox" || role === "searchbox";
}

function stepOf(event) {
  if (event.key === " ") return event.shiftKey ? "prev" : "next";
  return STEPS[event.key];
}

function blankScreen(label) {
  const cover = document.createElement("div");
  cover.dataset.testid = "presenterBlank";
  cover.setAttribute("role", "img");
  cover.setAttribute("aria-label", label);
  Object.assign(cover.style, {
    position: "fixed",
    inset: "0",
    background: "#000",
    zIndex: "2147483647",
    cursor: "none",
  });
  document.body.appendChild(cover);
  return cover;
}

export default function presenterKeys({ data, setTriggerValue }) {
  const label = (data && data.blank_label) || "";
  let cover = null;
  const unblank = () => {
    if (cover) cover.remove();
    cover = null;
  };
  const ours = (event) =>
    !event.altKey && !event.ctrlKey && !event.metaKey && !event.isComposing &&
    !isTyping(event.target) && (BLANK_KEYS.has(event.key) || stepOf(event) !== undefined ||
      (cover !== null && event.key === "Escape"));

  const onKeyDown = (event) => {
    if (!ours(event)) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.repeat) return;
    if (cover) {
      unblank(); // any of the keys brings the view back first, without stepping
    } else if (BLANK_KEYS.has(event.key)) {
      cover = blankScreen(label);
    } else {
      setTriggerValue("step", stepOf(event));
    }
  };
  // Space activates a focused button on key-up: stop that too.
  const onKeyUp = (event) => {
    if (event.key === " " && ours(event)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  window.addEventListener("keydown", onKeyDown, true);
  window.addEventListener("keyup", onKeyUp, true);
  document.documentElement.dataset.presenterKeys = "listening"; // for tests and tools
  return () => {
    window.removeEventListener("keydown", onKeyDown, true);
    window.removeEventListener("keyup", onKeyUp, true);
    delete document.documentElement.dataset.presenterKeys;
    unblank();
  };
}
