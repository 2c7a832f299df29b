import sys

from .launch import start

start(sys.argv[1:])

from .cli import main  # noqa: E402  (after the kept compilations are in place)

sys.exit(main())
