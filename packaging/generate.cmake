# Build-time files made from the built mlwb's own command registry (and the
# changelog), never by hand: the man page, bash and zsh completion.
#   cmake -DMLWB=path/to/mlwb -DSOURCE=source-dir -DOUT=dir -P generate.cmake
set(ENV{LC_ALL} C.UTF-8) # English, whatever the builder's language
set(ENV{LANGUAGE} "")
set(ENV{QT_QPA_PLATFORM} offscreen)
file(MAKE_DIRECTORY ${OUT})

function(mlwb_output verb file)
  execute_process(COMMAND ${MLWB} ${verb} OUTPUT_FILE ${OUT}/${file} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "mlwb ${verb} failed: ${result}")
  endif()
endfunction()

# gzip -9n: the most compression, no name or time inside (reproducible).
function(mlwb_gzip source target)
  execute_process(COMMAND gzip -9nc ${source} OUTPUT_FILE ${target} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "gzip ${source} failed: ${result}")
  endif()
endfunction()

mlwb_output(__manpage mlwb.1)
mlwb_gzip(${OUT}/mlwb.1 ${OUT}/mlwb.1.gz)
mlwb_output(__bash-completion mlwb)
mlwb_output(__zsh-completion _mlwb)
mlwb_gzip(${SOURCE}/packaging/changelog ${OUT}/changelog.gz)
