"""The accessibility check itself: it must fail on a serious problem, or a green run would prove nothing."""

import pytest


@pytest.fixture
def blank_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_the_check_fails_on_serious_violations_and_names_them(blank_page, assert_accessible):
    blank_page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>'
        '<body><main><h1>Broken</h1><img src="data:,"><button></button></main></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(blank_page)
    message = str(failure.value)
    assert "[critical] image-alt" in message
    assert "[critical] button-name" in message
    assert "on: img" in message


def test_the_check_passes_a_page_without_them(blank_page, assert_accessible):
    blank_page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Fine</title></head>'
        '<body><main><h1>Fine</h1><img src="data:," alt="A logo"><button>Save</button></main></body></html>'
    )
    assert_accessible(blank_page)
