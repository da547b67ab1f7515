"""Plain functions over a session: the application's behaviour, free of HTTP."""
