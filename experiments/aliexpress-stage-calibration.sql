-- Scores the grid of experiments/aliexpress-stage-calibration.toml: the
-- root-mean-square error, in days, of the detected start of expansion and of
-- maturity against 2013-01-01 (day 1096) and 2017-01-01 (day 2557), FACTS.md A.
--   sqlite3 -header -column runs/aliexpress-stage-calibration.sqlite < experiments/aliexpress-stage-calibration.sql
select a.value as ad_reach_per_day, w.value as word_of_mouth_per_day,
       avg(e.value) as expansion_start_day, avg(m.value) as maturity_start_day,
       round(sqrt(avg(((e.value - 1096) * (e.value - 1096) + (m.value - 2557) * (m.value - 2557)) / 2.0)))
         as rms_error_days
from runs r
join run_parameters a on a.run_id = r.run_id and a.key = 'buyers.ad_reach_per_day'
join run_parameters w on w.run_id = r.run_id and w.key = 'buyers.word_of_mouth_per_day'
join run_metrics e on e.run_id = r.run_id and e.name = 'stages.ALL.expansion_start_day'
join run_metrics m on m.run_id = r.run_id and m.name = 'stages.ALL.maturity_start_day'
group by ad_reach_per_day, word_of_mouth_per_day
order by rms_error_days;
