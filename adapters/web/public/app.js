// The playground page: no build step. Polls the feed, sends commands and card actions.
const $ = (sel) => document.querySelector(sel);
const state = { persona: localStorage.getItem("persona") || "", conversation: "", conversations: [], messages: new Map(), cursor: 0, unread: new Map() };

async function api(path, body) {
  const res = await fetch(path, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {});
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

async function loadState() {
  const data = await api(`/playground/api/state?persona=${encodeURIComponent(state.persona)}`);
  state.persona = data.persona;
  localStorage.setItem("persona", state.persona);
  const select = $("#persona");
  select.innerHTML = data.personas.map((p) => `<option value="${escapeText(p.id)}">${escapeText(p.name)}</option>`).join("");
  select.value = state.persona;
  const me = data.personas.find((p) => p.id === state.persona);
  $("#persona-role").textContent = me ? `Role: ${me.role}${me.organisation ? ` · ${me.organisation}` : ""}${me.locale ? ` · language ${me.locale}` : ""}` : "";
  state.conversations = data.conversations;
  // #partners first: that is where a coordinator starts a round.
  if (!state.conversations.some((c) => c.id === state.conversation))
    state.conversation = (state.conversations.find((c) => c.id === "partners") ?? state.conversations[0])?.id || "";
  state.messages = new Map();
  state.cursor = 0;
  state.unread = new Map();
  renderConversations();
  await poll();
}

function escapeText(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function renderConversations() {
  $("#conversations").innerHTML = state.conversations
    .map((c) => {
      const unread = state.unread.get(c.id) || 0;
      return `<li><button type="button" data-conversation="${escapeText(c.id)}" class="${c.id === state.conversation ? "active" : ""}">${escapeText(c.name)}${unread ? ` <span class="badge">${unread}</span>` : ""}</button></li>`;
    })
    .join("");
  const current = state.conversations.find((c) => c.id === state.conversation);
  $("#conversation-title").textContent = current ? current.name : "";
}

function renderFeed() {
  const feed = $("#feed");
  const items = [...state.messages.values()].filter((m) => m.conversationId === state.conversation).sort((a, b) => a.order - b.order);
  feed.innerHTML = items
    .map(
      (m) =>
        `<article class="message ${m.author ? "from-person" : "from-bot"}${m.private ? " private" : ""}" data-id="${escapeText(m.id)}">
          <div class="meta">${m.author ? escapeText(m.author) : "Reflection bot"}${m.private ? ' <span class="only-you">only visible to you</span>' : ""}</div>
          ${m.html}
        </article>`,
    )
    .join("");
  feed.scrollTop = feed.scrollHeight;
}

async function poll() {
  try {
    const data = await api(`/playground/api/messages?persona=${encodeURIComponent(state.persona)}&after=${state.cursor}`);
    for (const m of data.messages) {
      const existing = state.messages.get(m.id);
      state.messages.set(m.id, { ...m, order: existing ? existing.order : m.seq });
      if (!existing && m.conversationId !== state.conversation) state.unread.set(m.conversationId, (state.unread.get(m.conversationId) || 0) + 1);
    }
    state.cursor = data.cursor;
    if (data.messages.length) {
      renderFeed();
      renderConversations();
    }
  } catch (error) {
    $("#status").textContent = error.message;
  }
}

$("#persona").addEventListener("change", (e) => {
  state.persona = e.target.value;
  state.conversation = "";
  loadState();
});

$("#conversations").addEventListener("click", (e) => {
  const button = e.target.closest("button[data-conversation]");
  if (!button) return;
  state.conversation = button.dataset.conversation;
  state.unread.delete(state.conversation);
  renderConversations();
  renderFeed();
});

$("#composer").addEventListener("submit", async (e) => {
  e.preventDefault();
  const input = $("#command");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  $("#status").textContent = "";
  try {
    await api("/playground/api/send", { persona: state.persona, conversation: state.conversation, text });
    setTimeout(poll, 150);
  } catch (error) {
    $("#status").textContent = error.message;
  }
});

$("#feed").addEventListener("click", async (e) => {
  const button = e.target.closest("button[data-action-id]");
  if (!button) return;
  const form = button.closest("form.card");
  const values = {};
  if (button.dataset.submit === "true") {
    for (const el of form.elements) {
      if (!el.name) continue;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) continue;
      values[el.name] = values[el.name] && el.type === "checkbox" ? `${values[el.name]},${el.value}` : el.value;
    }
  }
  button.disabled = true;
  try {
    await api("/playground/api/action", {
      persona: state.persona,
      messageId: form.dataset.messageId,
      actionId: button.dataset.actionId,
      value: button.dataset.value || undefined,
      values,
    });
    setTimeout(poll, 150);
  } catch (error) {
    $("#status").textContent = error.message;
    button.disabled = false;
  }
});

$("#add-persona").addEventListener("submit", async (e) => {
  e.preventDefault();
  const data = Object.fromEntries(new FormData(e.target).entries());
  if (!data.organisation) delete data.organisation;
  try {
    const { id } = await api("/playground/api/personas", data);
    e.target.reset();
    state.persona = id;
    await loadState();
  } catch (error) {
    $("#status").textContent = error.message;
  }
});

setInterval(poll, 700);
loadState();
