-- Shared helpers (prepended to every scenario script by bench/run).
-- BENCH_EMPLOYEES: seeded employees E00001..; BENCH_DAYS: seeded days ending yesterday (UTC);
-- BENCH_HOT: size of the hot set used by warm-cache scenarios; BENCH_SEQ: 0 warm-up, 1 measured,
-- 2 JIT warm-up of the write routes, 3 the paced writer beside search/all; BENCH_AUTH: the
-- Authorization header every request sends; BENCH_DELAY_MS: a pause before each request (0: none).
EMPLOYEES = tonumber(os.getenv("BENCH_EMPLOYEES") or "10000")
DAYS      = tonumber(os.getenv("BENCH_DAYS") or "100")
HOT       = tonumber(os.getenv("BENCH_HOT") or "1000")
SEQ       = tonumber(os.getenv("BENCH_SEQ") or "1")
TODAY     = os.time() - os.time() % 86400          -- midnight UTC
if (os.getenv("BENCH_AUTH") or "") ~= "" then wrk.headers["Authorization"] = os.getenv("BENCH_AUTH") end
-- wrk paces a connection only if the script defines delay(): define it only when asked for
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pause > 0 then function delay() return pause end end

function emp_id(i) return string.format("E%05d", i) end
function day(epoch_days) return os.date("!%Y-%m-%d", epoch_days * 86400) end
-- seeded day k (0 = oldest, DAYS-1 = yesterday)
function seeded_day(k) return os.date("!%Y-%m-%d", TODAY - (DAYS - k) * 86400) end

local next_tid = 0
function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
end
