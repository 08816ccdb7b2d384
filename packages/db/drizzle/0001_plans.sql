-- Reference data every account needs: the plans a subscription points at.
INSERT INTO "plan" ("code", "name", "ad_supported", "offline_downloads", "max_bitrate_kbps", "price_cents")
VALUES
  ('free', 'Free', true, false, 128, 0),
  ('premium', 'Premium', false, true, 256, 999)
ON CONFLICT ("code") DO NOTHING;
