"""The notes checker: extract math from Markdown/LaTeX, parse it, bind definitions, verify, report."""
