// The console's only script: the copy button next to a secret shown once. Served from the app, so the
// Content-Security-Policy can forbid inline scripts.
document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) {
        return;
    }
    const field = document.getElementById(button.dataset.copy);
    const status = document.getElementById("copy-status");
    field.select();
    try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = "Copied";
        if (status) status.textContent = "Copied to the clipboard.";
    } catch (notAllowed) {
        // The Clipboard API needs https or localhost; the selected text can still be copied by hand.
        if (status) status.textContent = "Press Ctrl+C (⌘C) to copy the selected secret.";
    }
});
