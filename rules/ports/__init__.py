"""Port and server-setting rules: e-mail ports stated in label lines, lists, tables and prose."""
