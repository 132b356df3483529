# sql/install/ordered_type.awk: copies an install part, replacing each line
#	-- @ordered_type TYPE CSYM [sortsupport] [minmax]
# with sql/install/ordered_type.sql.in for TYPE (passed as -v tmpl=PATH): the
# comparison functions and operators, btree and hash operator classes of a
# type whose C functions are CSYM_eq, CSYM_cmp, ...; "sortsupport" adds btree
# sort support (CSYM_sortsupport), "minmax" the min and max aggregates
# (CSYM_smaller, CSYM_larger).  One template serves every ordered type.
$1 == "--" && $2 == "@ordered_type" {
	type = $3
	csym = $4
	opts = " " $5 " " $6 " "
	while ((getline line < tmpl) > 0)
	{
		if (line ~ /^@SORTSUPPORT@/)
		{
			if (opts !~ / sortsupport /)
				continue
			sub(/^@SORTSUPPORT@/, "", line)
		}
		if (line ~ /^@MINMAX@/)
		{
			if (opts !~ / minmax /)
				continue
			sub(/^@MINMAX@/, "", line)
		}
		gsub(/@TYPE@/, type, line)
		gsub(/@C@/, csym, line)
		print line
	}
	close(tmpl)
	next
}
{ print }
