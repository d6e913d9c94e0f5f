"""`python -m dsl` is the same program as `prog`."""

from dsl.cli import main

if __name__ == "__main__":
    main(prog_name="prog")
