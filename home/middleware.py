class AdminPreviewFrameMiddleware:
    """Let Wagtail's live preview frame its own preview pages; every other page stays DENY.

    It sits below Django's XFrameOptionsMiddleware in MIDDLEWARE, so it sees the
    response first; Django's middleware leaves an existing header alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/") and "/preview/" in request.path:
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
