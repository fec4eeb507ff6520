"""Child process for the kill test: writes residents (and edits) in a loop until it is killed."""

import datetime as dt
import sys
from pathlib import Path

from chc_desktop.store.database import Database
from chc_desktop.store.models import Resident

db = Database(Path(sys.argv[1]))
n = 0
while True:
    with db.unit_of_work(None) as s:
        for _ in range(20):
            n += 1
            s.add(Resident(name=f"测试{n}", sex="1", birth_date=dt.date(1950, 1, 1), phone=f"139{n:08d}"))
        s.flush()
        older = s.query(Resident).order_by(Resident.hlc).first()
        if older is not None:
            older.phone = f"138{n:08d}"
    if n == 20:
        print("ready", flush=True)
