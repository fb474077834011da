"""Page -> Articles: boilerplate removal, splitting glued pages, metadata.

Public API: ``clean_page(page: Page) -> list[Article]`` (raises
:class:`rasid.errors.EmptyInputError` when a page holds no article text).
"""
