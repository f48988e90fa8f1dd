// khabar: layer toggles and same-entity focus on the article page. No external code.
document.addEventListener("DOMContentLoaded", () => {
  const story = document.getElementById("story");
  if (!story) return;
  document.querySelectorAll("#legend input[data-layer]").forEach((box) => {
    box.addEventListener("change", () => story.classList.toggle("hide-" + box.dataset.layer, !box.checked));
  });
  story.addEventListener("mouseover", (event) => {
    const mark = event.target.closest("[data-entity]");
    story.querySelectorAll(".focus").forEach((el) => el.classList.remove("focus"));
    if (!mark) return;
    story.querySelectorAll("[data-entity]").forEach((el) => {
      if (el.dataset.entity === mark.dataset.entity) el.classList.add("focus");
    });
  });
});
