"""Entry script for st.navigation; the page itself is `assistant.ui.views.vragen`."""

from assistant.ui.views.vragen import render

render()
