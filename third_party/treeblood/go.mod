module github.com/wyatt915/treeblood

go 1.23.3

replace github.com/wyatt915/treeblood v0.0.0-unpublished => ../treeblood

require go.yaml.in/yaml/v3 v3.0.4 // indirect
