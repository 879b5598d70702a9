"""Entry script for st.navigation; the page itself is `assistant.ui.views.termijnen`."""

from assistant.ui.views.termijnen import render

render()
