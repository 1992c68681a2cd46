from django.urls import path


def broken(request):
    raise RuntimeError("secret database password is hunter2")


urlpatterns = [path("broken/", broken)]
