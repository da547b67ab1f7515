"""The HTML side: the templates' environment and filters (templating.py), who is signed in, CSRF
checks, flash messages and rendering (browser.py), and the stance form's values and messages
(stance_form.py). Routes in app/routes/ use these; services never do."""
