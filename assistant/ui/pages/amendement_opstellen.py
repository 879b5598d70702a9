"""Entry script for st.navigation; the page itself is `assistant.ui.views.opstellen`."""

from assistant.ui.views.opstellen import render

render("amendement")
