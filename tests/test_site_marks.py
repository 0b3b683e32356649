"""The language of each part of a page Material wrote (site_marks)."""

from factsheets.site_marks import mark_languages

# Material's menu as it writes it on a page (shortened): its label is the interface's word,
# in the page's language; its title and list are the site's.
MENU = ('<nav class="md-nav md-nav--primary" aria-label="تصفح" data-md-level="0">'
        '<label class="md-nav__title" for="__drawer">Our site</label>'
        '<ul class="md-nav__list" data-md-scrollfix><li class="md-nav__item">'
        '<label class="md-nav__title" for="__nav_2">Factsheets</label>'
        '<ul class="md-nav__list" data-md-scrollfix></ul></li></ul></nav>')


def test_the_menus_title_and_list_are_in_the_sites_language_and_its_label_in_the_pages():
    marked = mark_languages(MENU, "ar", "en-GB", {})
    assert marked == ('<nav class="md-nav md-nav--primary" aria-label="تصفح" data-md-level="0">'
                      '<label class="md-nav__title" lang="en-GB" dir="ltr" for="__drawer">Our site</label>'
                      '<ul class="md-nav__list" lang="en-GB" dir="ltr" data-md-scrollfix><li class="md-nav__item">'
                      '<label class="md-nav__title" for="__nav_2">Factsheets</label>'
                      '<ul class="md-nav__list" data-md-scrollfix></ul></li></ul></nav>')


def test_a_page_in_the_sites_language_is_left_as_it_is():
    assert mark_languages(MENU, "en-GB", "en-GB", {}) == MENU
