"""Entry script for st.navigation; the page itself is `assistant.ui.views.toetsen`."""

from assistant.ui.views.toetsen import render

render()
