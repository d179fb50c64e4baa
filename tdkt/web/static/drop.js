// Drag-and-drop onto the upload area: the dropped files become the form's files.
(function () {
  var zone = document.querySelector("label.drop");
  var input = document.getElementById("files");
  if (!zone || !input) return;
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    input.files = e.dataTransfer.files;
    zone.querySelector("strong").textContent = input.files.length + " tệp đã chọn";
  });
  input.addEventListener("change", function () {
    zone.querySelector("strong").textContent = input.files.length + " tệp đã chọn";
  });
})();
