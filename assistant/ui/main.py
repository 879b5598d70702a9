"""App shell: page navigation (filled in as the features land)."""

import streamlit as st


def run() -> None:
    st.set_page_config(page_title="Motie-assistent", page_icon="🏛️", layout="wide")
    st.title("Motie-assistent")
    st.write("Assistent voor moties en amendementen van de VNG-ledenvergadering.")
