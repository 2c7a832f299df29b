import sys

from .launch import keep_what_starting_compiles

keep_what_starting_compiles(sys.argv[1:])

from .cli import main  # noqa: E402  (after the kept compilations are in place)

sys.exit(main())
