"""Entry script for st.navigation; the page itself is `assistant.ui.views.bronnen`."""

from assistant.ui.views.bronnen import render

render()
