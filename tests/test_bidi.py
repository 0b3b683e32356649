"""Left-to-right stretches in right-to-left text (writers/bidi.py)."""

from factsheets.writers.bidi import isolate_latin


def test_a_phone_number_and_an_english_name_are_isolated_left_to_right():
    assert isolate_latin("الرقم 01225 394382 من") == 'الرقم <span dir="ltr">01225 394382</span> من'
    assert isolate_latin("اتصل بـ SEND Partnership Service") == 'اتصل بـ <span lang="en-GB" dir="ltr">SEND Partnership Service</span>'


def test_brackets_around_a_stretch_stay_outside_it_together():
    # Split, the closing bracket was mirrored on its own: the PDF printed "((SEND".
    assert isolate_latin("والإعاقة (SEND) في") == 'والإعاقة (<span lang="en-GB" dir="ltr">SEND</span>) في'
    assert isolate_latin("الدالة f(x) هنا") == 'الدالة <span dir="ltr">f(x)</span> هنا'


def test_one_number_is_left_alone():
    # Isolated, WeasyPrint broke the year over two lines ("202", then "1.").
    assert isolate_latin("يونيو 2021.") == "يونيو 2021."
    assert isolate_latin("الفقرة 11.1") == "الفقرة 11.1"


def test_a_character_reference_is_never_cut_by_the_isolation():
    # The Ukrainian title "Як зв'язатися з нами", escaped, showed as "Як зв&#x27;язатися" in the PDF:
    # the "x27" of the reference was isolated as a Latin stretch.
    assert isolate_latin("Як зв&#x27;язатися з нами") == "Як зв&#x27;язатися з нами"
    assert isolate_latin("ਸਾਨੂੰ 01225 394382 &#x27;ਤੇ") == 'ਸਾਨੂੰ <span dir="ltr">01225 394382</span> &#x27;ਤੇ'
    assert isolate_latin("خدمة Bath &amp; North") == 'خدمة <span lang="en-GB" dir="ltr">Bath &amp; North</span>'
    assert isolate_latin("&amp; Co") == '&amp; <span lang="en-GB" dir="ltr">Co</span>'


def test_the_page_number_line_comes_from_the_catalogue_and_sits_right_in_right_to_left_languages():
    from factsheets.writers.bidi import page_number_css

    assert page_number_css("en-GB") == ""  # print.css's own rule, "Page " counter(page) " of " counter(pages)
    assert 'content: "Tudalen " counter(page) " o " counter(pages);' in page_number_css("cy")
    assert 'content: counter(page) " puslapis iš " counter(pages);' in page_number_css("lt")  # the number first, as written
    arabic = page_number_css("ar")
    assert "@bottom-left { content: none; }" in arabic and "@bottom-right { content: " in arabic and "text-align: right" in arabic
    assert "@bottom-right" in page_number_css("ur") and "@bottom-right" not in page_number_css("zh-Hans")


def test_a_phone_number_in_a_right_to_left_page_of_the_website_is_isolated():
    # Seen on the Arabic page of the twelve-language corpus: "394382 01225" in running text.
    from pathlib import Path

    from factsheets import site
    from factsheets.project import load_project

    corpus = Path(__file__).parent / "fixtures" / "languages12"
    arabic = next(d for d in load_project(corpus).documents if d.meta.slug == "contact-us-ar")
    html, _ = site.factsheet_page(arabic, {"formats": {"html": ""}}, str, lambda key: None)
    assert '<span dir="ltr">01225 394382</span>' in html
    polish = next(d for d in load_project(corpus).documents if d.meta.slug == "contact-us-pl")
    assert '<span dir="ltr">' not in site.factsheet_page(polish, {"formats": {"html": ""}}, str, lambda key: None)[0]
